// A tender's history as recorded: its events with their hashes, for the purchaser and oversight, and
// the consistent read (events + projection) that replay checks.
import type { Kysely } from 'kysely'
import { type Actor, hasRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { readStream, type StoredEvent } from '../events/event-store.ts'
import { Forbidden } from '../shared/errors.ts'
import { findTender, type TenderRow, tenderStreamId } from '../tenders/tender-repository.ts'

/** The own purchaser (or its agent), supervisors, auditors and the operator. */
export function authorizeAuditReader(tender: TenderRow, actor: Actor): void {
  if (hasRole(actor, 'supervisor', 'auditor', 'operator')) return
  if (hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaser_org_id) return
  throw new Forbidden('a tender\'s history is open to its purchaser, supervisors, auditors and the operator')
}

export interface HistoryEvent {
  readonly seq: number
  readonly type: string
  readonly recordedAt: string
  readonly actor: { userId: unknown; orgId: unknown; roles: unknown }
  readonly data: Record<string, unknown>
  readonly prevHash: string
  readonly hash: string
}

/** The actor's ip and request id stay out of the export; who acted, as whom, is what the history shows. */
export function historyEvent(event: StoredEvent): HistoryEvent {
  const { userId = null, orgId = null, roles = [] } = event.meta
  return {
    seq: event.seq,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: { userId, orgId, roles },
    data: event.data,
    prevHash: event.prevHash,
    hash: event.hash,
  }
}

export async function readHistory(db: Kysely<Database>, actor: Actor, tenderId: string) {
  const tender = await findTender(db, tenderId)
  authorizeAuditReader(tender, actor)
  const events = (await readStream(db, tenderStreamId(tender.id))).map(historyEvent)
  const last = events.at(-1)
  return { tenderId: tender.id, events, head: last ? { seq: last.seq, hash: last.hash } : null }
}

/** One JSON document per line (application/x-ndjson). */
export function toNdjson(events: readonly HistoryEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('')
}

/** The projection row and the stream read in one snapshot, so a concurrent command cannot split them. */
export async function readTenderWithStream(
  db: Kysely<Database>,
  tenderId: string,
): Promise<{ tender: TenderRow; events: StoredEvent[] }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tender = await findTender(trx, tenderId)
      const events = await readStream(trx, tenderStreamId(tender.id))
      return { tender, events }
    })
}
