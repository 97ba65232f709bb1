// The acceptance of a bid as ONE statement, atomic without BEGIN/COMMIT: lock the tender FOR SHARE and
// check its window, mark a replaced bid (if still live), claim the Idempotency-Key, and only then insert
// the bid, its events, its receipts and the stored response. Everything is computed by the caller.
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { StoredEvent } from '../events/event-store.ts'
import type { KeyRow } from './idempotency.ts'
import type { SealedBid } from './sealed-bid.ts'

export interface NewBidAcceptance {
  readonly tenderId: string
  readonly bidderOrgId: string
  /** The tender deadline the event was built with: the tender must still have exactly this one. */
  readonly deadline: string | null
  /** ISO server time: the bid's submittedAt, the receipt's receivedAt. */
  readonly at: string
  readonly bidId: string
  readonly sealed: SealedBid
  readonly event: StoredEvent
  readonly receipt: { readonly id: string; readonly jws: string }
  /** With an Idempotency-Key: the key row to claim, holding the response already. */
  readonly idempotency: {
    readonly key: string
    readonly route: string
    readonly wrappedRequestSha256: string
    readonly statusCode: number
    readonly response: Record<string, unknown>
  } | null
  /** A replacement: the live bid to mark replaced, only if still live at `version` (else nothing is written). */
  readonly replacing: {
    readonly bidId: string
    readonly version: number
    readonly state: string
    readonly priceFen: string | null
    readonly event: StoredEvent
    readonly receipt: { readonly id: string; readonly jws: string }
  } | null
}

export interface AcceptanceOutcome {
  readonly accepted: boolean
  /** The tender row as locked (null: no such tender), to tell which check refused the bid. */
  readonly tender: {
    readonly id: string
    readonly state: string
    readonly purchaser_org_id: string
    readonly deadline: string | null
    readonly suspended: boolean
  } | null
  /** The key's stored row as the statement found it, before claiming. */
  readonly prior: KeyRow | null
  /** The bidder's live bid as the statement found it (null: none). */
  readonly live: { readonly id: string; readonly ciphertext_sha256: string } | null
}

function claimSql(a: NewBidAcceptance, from: RawBuilder<unknown>) {
  const i = a.idempotency
  if (i === null) {
    return {
      prior: sql`select null::text as route, null::text as request_sha256, null::int as status_code,
        null::jsonb as response where false`,
      claim: sql``,
    }
  }
  return {
    prior: sql`select route, request_sha256, status_code, response from idempotency_keys
      where bidder_org_id = ${a.bidderOrgId} and key = ${i.key}`,
    // A concurrent twin's uncommitted claim makes this wait; once it commits, nothing is inserted. After
    // a replacement's update there is no "nothing": the duplicate key fails the whole statement instead.
    claim: sql`, claim as (
      insert into idempotency_keys (key, bidder_org_id, route, request_sha256, status_code, response, created_at)
      select ${i.key}::text, ${a.bidderOrgId}::text, ${i.route}::text, ${i.wrappedRequestSha256}::text,
        ${i.statusCode}::int, ${JSON.stringify(i.response)}::jsonb, ${a.at}::timestamptz from ${from}
      ${a.replacing === null ? sql`on conflict do nothing` : sql``}
      returning 1 as one)`,
  }
}

/** The replaced bid: updated only while still live at the version its event was built on. */
function replaceSql(a: NewBidAcceptance): RawBuilder<unknown> {
  const r = a.replacing
  if (r === null) return sql``
  return sql`, upd as (
      update bids set state = ${r.state}::text, version = ${r.version + 1}::int,
        price_fen = ${r.priceFen}::bigint, updated_at = ${a.at}::timestamptz
      where id = ${r.bidId} and tender_id = ${a.tenderId} and state = 'submitted' and version = ${r.version}
        and exists (select 1 from ok)
      returning 1 as one)`
}

function replacedRowsSql(a: NewBidAcceptance, from: RawBuilder<unknown>): RawBuilder<unknown> {
  const r = a.replacing
  if (r === null) return sql``
  const e = r.event
  return sql`,
    ins_old_event as (
      insert into events (stream_id, seq, type, data, meta, recorded_at, prev_hash, hash)
      select ${e.streamId}::text, ${e.seq}::int, ${e.type}::text, ${JSON.stringify(e.data)}::jsonb,
        ${JSON.stringify(e.meta)}::jsonb, ${e.recordedAt}::timestamptz, ${e.prevHash}::text, ${e.hash}::text
      from ${from}),
    ins_old_receipt as (
      insert into bid_receipts (id, bid_id, tender_id, bidder_org_id, action, jws, issued_at)
      select ${r.receipt.id}::text, ${r.bidId}::text, ${a.tenderId}::text, ${a.bidderOrgId}::text,
        'replaced', ${r.receipt.jws}::text, ${a.at}::timestamptz from ${from})`
}

function insertsSql(a: NewBidAcceptance, from: RawBuilder<unknown>): RawBuilder<unknown> {
  // Every insert selects from the claim (or the checks): all CTEs run, but these then insert nothing.
  const e = a.event
  return sql`
    ins_bid as (
      insert into bids (id, tender_id, bidder_org_id, state, version, mode, ciphertext, ciphertext_sha256,
        submitted_at, updated_at)
      select ${a.bidId}::text, ${a.tenderId}::text, ${a.bidderOrgId}::text, 'submitted', 1,
        ${a.sealed.mode}::text, ${a.sealed.jwe}::text, ${a.sealed.ciphertextSha256}::text,
        ${a.at}::timestamptz, ${a.at}::timestamptz from ${from}
      returning 1 as one),
    ins_event as (
      insert into events (stream_id, seq, type, data, meta, recorded_at, prev_hash, hash)
      select ${e.streamId}::text, ${e.seq}::int, ${e.type}::text, ${JSON.stringify(e.data)}::jsonb,
        ${JSON.stringify(e.meta)}::jsonb, ${e.recordedAt}::timestamptz, ${e.prevHash}::text, ${e.hash}::text
      from ${from}),
    ins_receipt as (
      insert into bid_receipts (id, bid_id, tender_id, bidder_org_id, action, jws, issued_at)
      select ${a.receipt.id}::text, ${a.bidId}::text, ${a.tenderId}::text, ${a.bidderOrgId}::text,
        'submitted', ${a.receipt.jws}::text, ${a.at}::timestamptz from ${from})${replacedRowsSql(a, from)}`
}

/**
 * Runs the acceptance. The FOR SHARE lock orders it against CLOSE_BIDDING's FOR UPDATE as the
 * transactional path does; bids_one_live_per_bidder still refuses a concurrent live bid (23505).
 */
export async function acceptNewBid(db: Kysely<Database>, a: NewBidAcceptance): Promise<AcceptanceOutcome> {
  const checked = sql.raw(a.replacing === null ? 'ok' : 'upd')
  const { prior, claim } = claimSql(a, checked)
  const from = a.idempotency === null ? checked : sql.raw('claim')
  const result = await sql<AcceptanceOutcome>`
    with tender as (
      select id, state, purchaser_org_id, snapshot->'context'->>'deadline' as deadline,
        coalesce((snapshot->'context'->>'suspended')::boolean, false) as suspended
      from tenders where id = ${a.tenderId} for share),
    prior as (${prior}),
    live as (
      select id, ciphertext_sha256 from bids
      where tender_id = ${a.tenderId} and bidder_org_id = ${a.bidderOrgId} and state = 'submitted'),
    ok as (
      select 1 as one from tender
      where state = 'bidding' and not suspended and deadline = ${a.deadline}::text
        and ${a.at}::timestamptz < deadline::timestamptz
        and not exists (select 1 from prior)
        ${a.replacing === null ? sql`and not exists (select 1 from live)` : sql``})${replaceSql(a)}${claim},
    ${insertsSql(a, from)}
    select exists (select 1 from ins_bid) as "accepted",
      (select to_jsonb(t) from tender t) as "tender",
      (select to_jsonb(p) from prior p) as "prior",
      (select to_jsonb(l) from live l) as "live"
  `.execute(db)
  const row = result.rows[0]
  if (!row) throw new Error('the bid acceptance statement returned no row')
  return row
}
