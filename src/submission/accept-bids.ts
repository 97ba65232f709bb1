// The acceptance of a batch of bids as ONE statement, atomic without BEGIN/COMMIT, each bid judged on
// its own: lock the batch's tenders FOR SHARE (in id order) and check each is still at the version its
// bid window was judged at, mark a replaced bid (if still live at the version its event was built on),
// claim the Idempotency-Key, and only then insert the bid, its events, its receipts, its credit snapshot
// and the stored response. Everything is computed by the caller; the batch travels as one jsonb array.
// One row per bid comes back, in order, with the tender's window facts as locked.
import type { Kysely } from 'kysely'
import type { CreditSnapshot } from '../credit/credit-snapshot.ts'
import { snapshotRow } from '../credit/snapshot-repository.ts'
import { executeNamed, namedStatement } from '../db/named-statements.ts'
import type { Database } from '../db/schema.ts'
import { insertChainedEventsSql, type StoredEvent } from '../events/event-store.ts'
import { type BidWindowFacts, lockBidWindowsSql } from '../tenders/tender-context-repository.ts'
import type { KeyRow } from './idempotency.ts'
import type { SealedBid } from './sealed-bid.ts'

export interface NewBidAcceptance {
  readonly tenderId: string
  readonly bidderOrgId: string
  /**
   * The tender's version its bid window was judged open at (bidWindowRefusal, state-machines/bid-window.ts,
   * on the facts read at that version; the events carry its deadline): the tender must still be at it.
   */
  readonly tenderVersion: number
  /** ISO server time: the bid's submittedAt, the receipt's receivedAt. */
  readonly at: string
  readonly bidId: string
  readonly sealed: SealedBid
  readonly event: StoredEvent
  readonly receipt: { readonly id: string; readonly jws: string }
  /** The submission's credit snapshot, stored with the bid (BID_SUBMITTED names it). */
  readonly creditSnapshot: CreditSnapshot
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
  /** The tender's window as locked (null: no such tender), for the rule to judge again after a refusal. */
  readonly tender: BidWindowFacts | null
  /** The key's stored row as the statement found it, before claiming. */
  readonly prior: KeyRow | null
  /** The bidder's live bid as the statement found it (null: none). */
  readonly live: { readonly id: string; readonly ciphertext_sha256: string } | null
}

/** The columns of one bid in the batch, as jsonb_to_recordset reads them. */
const INPUT_COLUMNS = `ord int, tender_id text, bidder_org_id text, tender_version int, at timestamptz,
  bid_id text, mode text, ciphertext text, ciphertext_sha256 text, event jsonb, receipt_id text,
  receipt_jws text, snapshot jsonb, key text, route text, request_sha256 text, status_code int,
  response jsonb, old_bid_id text, old_state text, old_version int, old_price_fen bigint, old_event jsonb,
  old_receipt_id text, old_receipt_jws text`

const ACCEPT_BIDS = namedStatement<{ batch: string }>(
  'accept_bids',
  (p) => `
  with input as (
    select * from jsonb_to_recordset(${p('batch', 'jsonb')}) as i(${INPUT_COLUMNS})),
  tender as (${lockBidWindowsSql('select tender_id from input')}),
  prior as (
    select i.ord, k.route, k.request_sha256, k.status_code, k.response
    from input i join idempotency_keys k on k.bidder_org_id = i.bidder_org_id and k.key = i.key),
  live as (
    select i.ord, b.id, b.ciphertext_sha256 from input i
    join bids b on b.tender_id = i.tender_id and b.bidder_org_id = i.bidder_org_id and b.state = 'submitted'),
  ok as (
    select i.* from input i join tender t on t.id = i.tender_id
    -- The window is the rule's alone: the caller judged it open at this version; every tender event
    -- (a close, a hold, a new deadline) moves the version, so the tender still at it has that window.
    where t.version = i.tender_version
      and not exists (select 1 from prior p where p.ord = i.ord)
      and (i.old_bid_id is not null or not exists (select 1 from live l where l.ord = i.ord))),
  upd as (
    update bids b set state = ok.old_state, version = ok.old_version + 1, price_fen = ok.old_price_fen,
      updated_at = ok.at
    from ok
    where ok.old_bid_id is not null and b.id = ok.old_bid_id and b.tender_id = ok.tender_id
      and b.state = 'submitted' and b.version = ok.old_version
    returning ok.ord),
  go as (select ok.* from ok where ok.old_bid_id is null or ok.ord in (select ord from upd)),
  -- A concurrent twin's uncommitted claim makes these wait. A new bid's claim then inserts nothing; a
  -- replacement's (its old bid already marked) fails the whole statement instead, and the caller retries.
  claim_new as (
    insert into idempotency_keys (key, bidder_org_id, route, request_sha256, status_code, response, created_at)
    select key, bidder_org_id, route, request_sha256, status_code, response, at
    from go where key is not null and old_bid_id is null
    on conflict do nothing
    returning bidder_org_id, key),
  claim_replacing as (
    insert into idempotency_keys (key, bidder_org_id, route, request_sha256, status_code, response, created_at)
    select key, bidder_org_id, route, request_sha256, status_code, response, at
    from go where key is not null and old_bid_id is not null),
  accepted as (
    select go.* from go
    where go.key is null or go.old_bid_id is not null
      or exists (select 1 from claim_new c where c.bidder_org_id = go.bidder_org_id and c.key = go.key)),
  ins_bid as (
    insert into bids (id, tender_id, bidder_org_id, state, version, mode, ciphertext, ciphertext_sha256,
      submitted_at, updated_at)
    select bid_id, tender_id, bidder_org_id, 'submitted', 1, mode, ciphertext, ciphertext_sha256, at, at
    from accepted
    returning id),
  ins_event as (
    ${insertChainedEventsSql([
      { column: 'event', from: 'accepted' },
      { column: 'old_event', from: 'accepted where old_bid_id is not null' },
    ])}),
  ins_receipt as (
    insert into bid_receipts (id, bid_id, tender_id, bidder_org_id, action, jws, issued_at)
    select receipt_id, bid_id, tender_id, bidder_org_id, 'submitted', receipt_jws, at from accepted
    union all
    select old_receipt_id, old_bid_id, tender_id, bidder_org_id, 'replaced', old_receipt_jws, at
    from accepted where old_bid_id is not null),
  ins_snapshot as (
    insert into credit_snapshots
    select (jsonb_populate_record(null::credit_snapshots, snapshot)).* from accepted)
  select i.ord,
    exists (select 1 from ins_bid b where b.id = i.bid_id) as "accepted",
    (select to_jsonb(t) from tender t where t.id = i.tender_id) as "tender",
    (select to_jsonb(p) - 'ord' from prior p where p.ord = i.ord) as "prior",
    (select to_jsonb(l) - 'ord' from live l where l.ord = i.ord) as "live"
  from input i order by i.ord`,
)

/** One bid as a row of the batch's jsonb array. */
function inputRow(a: NewBidAcceptance, ord: number) {
  const { idempotency: i, replacing: r } = a
  return {
    ord,
    tender_id: a.tenderId,
    bidder_org_id: a.bidderOrgId,
    tender_version: a.tenderVersion,
    at: a.at,
    bid_id: a.bidId,
    mode: a.sealed.mode,
    ciphertext: a.sealed.jwe,
    ciphertext_sha256: a.sealed.ciphertextSha256,
    event: a.event,
    receipt_id: a.receipt.id,
    receipt_jws: a.receipt.jws,
    snapshot: snapshotRow(a.creditSnapshot),
    key: i?.key ?? null,
    route: i?.route ?? null,
    request_sha256: i?.wrappedRequestSha256 ?? null,
    status_code: i?.statusCode ?? null,
    response: i?.response ?? null,
    old_bid_id: r?.bidId ?? null,
    old_state: r?.state ?? null,
    old_version: r?.version ?? null,
    old_price_fen: r?.priceFen ?? null,
    old_event: r?.event ?? null,
    old_receipt_id: r?.receipt.id ?? null,
    old_receipt_jws: r?.receipt.jws ?? null,
  }
}

/**
 * Runs the acceptance of `batch` (one outcome per bid, in order). The FOR SHARE locks order it against
 * CLOSE_BIDDING's FOR UPDATE as the transactional path does. A batch must not hold two bids of one
 * (tender, bidder) or one Idempotency-Key twice; bids_one_live_per_bidder still refuses a concurrent
 * live bid (23505), and a replacement's key taken meanwhile fails the statement (23505).
 */
export async function acceptBids(
  db: Kysely<Database>,
  batch: readonly NewBidAcceptance[],
): Promise<AcceptanceOutcome[]> {
  const rows = JSON.stringify(batch.map(inputRow))
  const result = await executeNamed<{ batch: string }, AcceptanceOutcome>(db, ACCEPT_BIDS, { batch: rows })
  if (result.rows.length !== batch.length) {
    throw new Error(`the acceptance of ${batch.length} bids returned ${result.rows.length} rows`)
  }
  return result.rows.map(({ accepted, tender, prior, live }) => ({ accepted, tender, prior, live }))
}
