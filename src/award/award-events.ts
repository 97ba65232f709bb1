// The tender's recorded events as the award views read them: only those the projection row covers,
// so a view never mixes a row with events committed after it was read.

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { readStream, type StoredEvent } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import type { TenderRow } from '../tenders/tender-repository.ts'

export async function eventsUpToRow(db: Kysely<Database>, tender: TenderRow): Promise<StoredEvent[]> {
  const events = await readStream(db, tenderStreamId(tender.id))
  return events.filter((event) => event.seq <= tender.version)
}

/** The last event of a type, or undefined. */
export function lastEventOf(events: readonly StoredEvent[], type: string): StoredEvent | undefined {
  return events.findLast((event) => event.type === type)
}

/** The `at` the pipeline stamped on an event (its data carries it; recordedAt is the same instant). */
export function stampedAt(event: StoredEvent): string {
  const at = event.data.at
  return typeof at === 'string' ? at : event.recordedAt
}
