// The tender's recorded events as the award views read them: only those up to the tender's version,
// so a view never mixes the tender it read with events committed after it.

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { readStream, type StoredEvent } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import type { Tender } from '../tenders/tender.ts'

export async function eventsUpToVersion(db: Kysely<Database>, tender: Tender): Promise<StoredEvent[]> {
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
