// A tender's history as recorded: its events with their hashes, for the purchaser and oversight, and
// the consistent read (events + projection) that replay checks.

import type { Kysely } from 'kysely'
import { type Actor, hasRole } from '../auth/actor.ts'
import { openBallotSeqs } from '../award/ballot-secrecy.ts'
import type { Database } from '../db/schema.ts'
import { readStream, type StoredEvent } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { Forbidden } from '../shared/errors.ts'
import { readBidStreamsOf } from '../submission/bid-stream-repository.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'

/** The own purchaser (or its agent), supervisors, auditors and the operator; a hidden draft reads as 404. */
export function authorizeAuditReader(tender: Tender, actor: Actor): void {
  assertVisible(tender, actor)
  if (hasRole(actor, 'supervisor', 'auditor', 'operator')) return
  if (hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId) return
  throw new Forbidden("a tender's history is open to its purchaser, supervisors, auditors and the operator")
}

export interface HistoryEvent {
  readonly seq: number
  readonly type: string
  readonly recordedAt: string
  readonly actor: { userId: unknown; orgId: unknown; roles: unknown }
  readonly data: Record<string, unknown>
  /** Verbatim meta (with ip and request id), for auditors and supervisors: the event re-hashes from it. */
  readonly meta?: Record<string, unknown>
  readonly prevHash: string
  readonly hash: string
  /** Why `data` is not the stored data: a ballot of a round still open (ballot-secrecy.ts). */
  readonly note?: string
}

export const WITHHELD_BALLOT_NOTE =
  "the ballot's choice and reason are withheld until its round closes (every member has voted, a re-vote or the decision moved on, or the meeting ended); until then this event's hash cannot be recomputed from the history"

/** A ballot of an open round: who voted, in which round and when, but not for whom or why. */
function withheldBallot(event: StoredEvent, round: number): Record<string, unknown> {
  const { memberId, at } = event.data
  return { round, memberId, at, withheld: true }
}

/**
 * Auditors and supervisors get every event verbatim, so they can re-derive each hash themselves. Others
 * get who acted, as whom, without ip and request id. Nobody reads a ballot of a round still open.
 */
export function historyEvent(event: StoredEvent, openRound: number | null, verbatim = false): HistoryEvent {
  const { userId = null, orgId = null, roles = [] } = event.meta
  const base = {
    seq: event.seq,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: { userId, orgId, roles },
  }
  const links = { prevHash: event.prevHash, hash: event.hash }
  const meta = verbatim ? { meta: event.meta } : {}
  if (openRound === null) return { ...base, data: event.data, ...meta, ...links }
  const data = withheldBallot(event, openRound)
  return { ...base, data, ...meta, ...links, note: WITHHELD_BALLOT_NOTE }
}

export async function readHistory(db: Kysely<Database>, actor: Actor, tenderId: string) {
  const { tender, events } = await readTenderWithStream(db, tenderId)
  authorizeAuditReader(tender, actor)
  const { context } = tender
  const open = openBallotSeqs({ state: tender.state, context }, events)
  const verbatim = hasRole(actor, 'auditor', 'supervisor')
  const history = events.map((event) =>
    historyEvent(event, open.has(event.seq) ? context.round : null, verbatim),
  )
  const last = history.at(-1)
  return {
    tenderId: tender.id,
    streamId: tenderStreamId(tender.id),
    events: history,
    head: last ? { seq: last.seq, hash: last.hash } : null,
  }
}

/** One JSON document per line (application/x-ndjson). */
export function toNdjson(events: readonly HistoryEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('')
}

/** The projection row and the stream read in one snapshot, so a concurrent command cannot split them. */
export function readTenderWithStream(
  db: Kysely<Database>,
  tenderId: string,
): Promise<{ tender: Tender; events: StoredEvent[] }> {
  return readTenderConsistently(db, tenderId, async () => ({}))
}

/** The projection row, its stream and whatever `more` reads, all in one repeatable-read snapshot. */
export function readTenderConsistently<T extends object>(
  db: Kysely<Database>,
  tenderId: string,
  more: (trx: Kysely<Database>, tender: Tender) => Promise<T>,
): Promise<{ tender: Tender; events: StoredEvent[] } & T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tender = await findTender(trx, tenderId)
      const events = await readStream(trx, tenderStreamId(tender.id))
      return { tender, events, ...(await more(trx, tender)) }
    })
}

/** The tender, its stream and every bid stream of it, in one snapshot: what replay checks together. */
export function readTenderWithBidStreams(db: Kysely<Database>, tenderId: string) {
  return readTenderConsistently(db, tenderId, async (trx, tender) => ({
    bidStreams: await readBidStreamsOf(trx, tender.id),
  }))
}
