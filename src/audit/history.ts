// A tender's history as recorded: its events with their hashes, for the purchaser and oversight, and
// the consistent read (events + projection) that replay checks.
import type { Kysely } from 'kysely'
import { type Actor, hasRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { readStream, type StoredEvent } from '../events/event-store.ts'
import { Forbidden } from '../shared/errors.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { restoreSnapshot } from '../tenders/tender-command.ts'
import { findTender, type TenderRow, tenderStreamId } from '../tenders/tender-repository.ts'

/** The own purchaser (or its agent), supervisors, auditors and the operator; a hidden draft reads as 404. */
export function authorizeAuditReader(tender: TenderRow, actor: Actor): void {
  assertVisible(tender, actor)
  if (hasRole(actor, 'supervisor', 'auditor', 'operator')) return
  if (hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaser_org_id) return
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
  /** A ballot of a round still open: its choice and reason are withheld until every member has voted. */
  readonly sealed?: true
}

/**
 * Auditors and supervisors get every event verbatim, so they can re-derive each hash themselves. Others
 * get who acted, as whom, without ip and request id, and ballots of a round still open stay sealed.
 */
export function historyEvent(event: StoredEvent, sealed = false, verbatim = false): HistoryEvent {
  const { userId = null, orgId = null, roles = [] } = event.meta
  const base = {
    seq: event.seq,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: { userId, orgId, roles },
  }
  const links = { prevHash: event.prevHash, hash: event.hash }
  if (verbatim) return { ...base, data: event.data, meta: event.meta, ...links }
  if (!sealed) return { ...base, data: event.data, ...links }
  const { memberId, at } = event.data
  return { ...base, data: { memberId, at }, ...links, sealed: true }
}

/**
 * The seqs of ballots in the award round still open. The context holds the current vote's ballots in
 * cast order, so they are the last CAST_BALLOT events; every earlier ballot belongs to a completed round.
 */
export function openBallotSeqs(tender: TenderRow, events: readonly StoredEvent[]): Set<number> {
  if (tender.state !== 'awarding') return new Set()
  const { context } = restoreSnapshot(tender.snapshot)
  const open = context.ballots.filter((ballot) => ballot.round === context.round)
  if (context.awardCommittee.every((member) => open.some((ballot) => ballot.memberId === member)))
    return new Set()
  const casts = events.filter((event) => event.type === 'CAST_BALLOT')
  return new Set(casts.slice(casts.length - open.length).map((event) => event.seq))
}

export async function readHistory(db: Kysely<Database>, actor: Actor, tenderId: string) {
  const { tender, events } = await readTenderWithStream(db, tenderId)
  authorizeAuditReader(tender, actor)
  const sealed = openBallotSeqs(tender, events)
  const verbatim = hasRole(actor, 'auditor', 'supervisor')
  const history = events.map((event) => historyEvent(event, sealed.has(event.seq), verbatim))
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
