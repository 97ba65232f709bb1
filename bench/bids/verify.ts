// The verdict, from the database: each tender's committed set is rebuilt from its bids and proven by
// recomputing bidSetHash against the CLOSE_BIDDING event; every bidder's last acknowledged bid must be in
// it, no bid may carry a receipt time at or after the deadline, and OPEN must have opened the set.

import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import type { RequestRecord } from './plan.ts'

export interface Verdict {
  readonly acked: number
  readonly inCommittedSets: number
  readonly lost: number
  readonly acceptedAfterDeadline: number
  readonly openedOk: number
  /** Acknowledged, then superseded by the same bidder's later acknowledged replacement. */
  readonly replaced: number
  readonly notes: string[]
}

interface BidRow {
  readonly id: string
  readonly tender_id: string
  readonly state: string
  readonly hash: string
  readonly late: boolean
}

interface TenderEvents {
  readonly close: Record<string, unknown> | undefined
  readonly open: Record<string, unknown> | undefined
}

/** The bids' hash column: ciphertext_sha256 once sealed bidding has landed, content_hash before. */
async function hashColumn(handle: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = 'bids'
      and column_name in ('ciphertext_sha256', 'content_hash')`.execute(handle.db)
  return rows.some((r) => r.column_name === 'ciphertext_sha256') ? 'ciphertext_sha256' : 'content_hash'
}

async function readBids(handle: DatabaseHandle, tenderIds: readonly string[]): Promise<BidRow[]> {
  const column = await hashColumn(handle)
  const { rows } = await sql<BidRow>`
    select b.id, b.tender_id, b.state, b.${sql.ref(column)} as hash, b.submitted_at >= t.deadline as late
    from bids b join tenders t on t.id = b.tender_id
    where b.tender_id in (${sql.join([...tenderIds])})`.execute(handle.db)
  return rows
}

async function readEvents(handle: DatabaseHandle, tenderId: string): Promise<TenderEvents> {
  const rows = await handle.db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', tenderStreamId(tenderId))
    .where('type', 'in', ['CLOSE_BIDDING', 'OPEN'])
    .execute()
  return {
    close: rows.find((r) => r.type === 'CLOSE_BIDDING')?.data,
    open: rows.find((r) => r.type === 'OPEN')?.data,
  }
}

/** Each (tender, bidder)'s acknowledged bids, in the order they were sent. */
function ackedByBidder(records: readonly RequestRecord[]): Map<string, RequestRecord[]> {
  const byBidder = new Map<string, RequestRecord[]>()
  for (const record of [...records].sort((a, b) => a.sentAt - b.sentAt)) {
    if (record.status !== 201) continue
    const key = `${record.tender}/${record.bidder}`
    byBidder.set(key, [...(byBidder.get(key) ?? []), record])
  }
  return byBidder
}

/**
 * The published rule (BID_SET_HASH_RULE), written out again here so the check does not lean on the
 * server's own function: SHA-256 of the sorted lowercase-hex ciphertext hashes joined with "\n".
 */
const bidSetHash = (hashes: readonly string[]) =>
  createHash('sha256')
    .update([...hashes].sort().join('\n'), 'utf8')
    .digest('hex')

const LIVE_AT_CLOSE = (state: string) => state !== 'replaced' && state !== 'withdrawn'

interface CommittedSet {
  readonly ids: Set<string>
  readonly hashes: Set<string>
  readonly proven: boolean
}

function committedSet(bids: readonly BidRow[], close: Record<string, unknown> | undefined): CommittedSet {
  const live = bids.filter((bid) => LIVE_AT_CLOSE(bid.state))
  const hashes = live.map((bid) => bid.hash)
  const proven =
    close !== undefined && close.bidSetHash === bidSetHash(hashes) && Number(close.bidCount) === live.length
  return { ids: new Set(live.map((bid) => bid.id)), hashes: new Set(hashes), proven }
}

const openedCount = (open: Record<string, unknown> | undefined) =>
  Array.isArray(open?.bids)
    ? open.bids.filter((b) => (b as { outcome?: unknown }).outcome === 'opened').length
    : 0

export async function verifyRun(
  handle: DatabaseHandle,
  tenderIds: readonly string[],
  records: readonly RequestRecord[],
): Promise<Verdict> {
  const bids = await readBids(handle, tenderIds)
  const byId = new Map(bids.map((bid) => [bid.id, bid]))
  const sets: CommittedSet[] = []
  let openedOk = 0
  const notes: string[] = []
  for (const tenderId of tenderIds) {
    const events = await readEvents(handle, tenderId)
    const set = committedSet(
      bids.filter((bid) => bid.tender_id === tenderId),
      events.close,
    )
    if (!set.proven)
      notes.push(`tender ${tenderId}: the live bids do not reproduce CLOSE_BIDDING's bidSetHash`)
    sets.push(set)
    openedOk += openedCount(events.open)
  }
  const tally = tallyAcked(ackedByBidder(records), sets, byId)
  const unacked = countUnacknowledged(sets, records)
  if (unacked > 0) notes.push(`${unacked} committed bids were never acknowledged to the client (timeouts?)`)
  if (tally.stale > 0) notes.push(`${tally.stale} replaced bids are still in a committed set`)
  return {
    ...tally.counts,
    acceptedAfterDeadline: bids.filter((bid) => bid.late).length,
    openedOk,
    notes: [...notes, ...tally.notes],
  }
}

function tallyAcked(
  byBidder: Map<string, RequestRecord[]>,
  sets: readonly CommittedSet[],
  byId: Map<string, BidRow>,
) {
  let acked = 0
  let inCommittedSets = 0
  let replaced = 0
  let stale = 0
  let hashMismatch = 0
  for (const acks of byBidder.values()) {
    acked += acks.length
    const last = acks[acks.length - 1]!
    const set = sets[last.tender]!
    const hash = last.hash ?? byId.get(last.bidId ?? '')?.hash
    if (set.proven && hash !== undefined && set.hashes.has(hash) && set.ids.has(last.bidId ?? '')) {
      inCommittedSets++
    }
    for (const earlier of acks.slice(0, -1)) {
      replaced++
      if (set.ids.has(earlier.bidId ?? '')) stale++
    }
    hashMismatch += acks.filter((a) => a.clientHash !== undefined && a.clientHash !== a.hash).length
  }
  const lost = acked - replaced - inCommittedSets
  const notes =
    hashMismatch > 0 ? [`${hashMismatch} acknowledgements name another hash than the JWE sent`] : []
  return { counts: { acked, inCommittedSets, lost, replaced }, stale, notes }
}

function countUnacknowledged(sets: readonly CommittedSet[], records: readonly RequestRecord[]): number {
  const ackedIds = new Set(records.filter((r) => r.status === 201).map((r) => r.bidId))
  return sets.reduce((sum, set) => sum + [...set.ids].filter((id) => !ackedIds.has(id)).length, 0)
}
