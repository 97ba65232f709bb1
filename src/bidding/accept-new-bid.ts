// The acceptance of a bid as ONE statement, atomic without BEGIN/COMMIT: lock the tender FOR SHARE and
// check its window, mark a replaced bid (if still live), claim the Idempotency-Key, and only then insert
// the bid, its events, its receipts and the stored response. Everything is computed by the caller.
import type { Kysely } from 'kysely'
import { executeNamed, type NamedStatement, namedStatement } from '../db/named-statements.ts'
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

/** Every value the statement binds, by name; absent parts of a variant are simply not bound. */
interface AcceptParams {
  tenderId: string
  bidderOrgId: string
  deadline: string | null
  at: string
  bidId: string
  mode: string
  ciphertext: string
  ciphertextSha256: string
  eventStreamId: string
  eventSeq: number
  eventType: string
  eventData: string
  eventMeta: string
  eventRecordedAt: string
  eventPrevHash: string
  eventHash: string
  receiptId: string
  receiptJws: string
  key: string | null
  route: string | null
  requestSha256: string | null
  statusCode: number | null
  response: string | null
  oldBidId: string | null
  oldState: string | null
  oldVersion: number | null
  oldNextVersion: number | null
  oldPriceFen: string | null
  oldStreamId: string | null
  oldSeq: number | null
  oldType: string | null
  oldData: string | null
  oldMeta: string | null
  oldRecordedAt: string | null
  oldPrevHash: string | null
  oldHash: string | null
  oldReceiptId: string | null
  oldReceiptJws: string | null
}

type Param = (key: keyof AcceptParams & string, type: string) => string

function claimSql(p: Param, idempotent: boolean, replacing: boolean, from: string) {
  if (!idempotent) {
    return {
      prior: `select null::text as route, null::text as request_sha256, null::int as status_code,
        null::jsonb as response where false`,
      claim: '',
    }
  }
  return {
    prior: `select route, request_sha256, status_code, response from idempotency_keys
      where bidder_org_id = ${p('bidderOrgId', 'text')} and key = ${p('key', 'text')}`,
    // A concurrent twin's uncommitted claim makes this wait; once it commits, nothing is inserted. After
    // a replacement's update there is no "nothing": the duplicate key fails the whole statement instead.
    claim: `, claim as (
      insert into idempotency_keys (key, bidder_org_id, route, request_sha256, status_code, response, created_at)
      select ${p('key', 'text')}, ${p('bidderOrgId', 'text')}, ${p('route', 'text')},
        ${p('requestSha256', 'text')}, ${p('statusCode', 'int')}, ${p('response', 'jsonb')},
        ${p('at', 'timestamptz')} from ${from}
      ${replacing ? '' : 'on conflict do nothing'}
      returning 1 as one)`,
  }
}

/** The replaced bid: updated only while still live at the version its event was built on. */
function replaceSql(p: Param): string {
  return `, upd as (
      update bids set state = ${p('oldState', 'text')}, version = ${p('oldNextVersion', 'int')},
        price_fen = ${p('oldPriceFen', 'bigint')}, updated_at = ${p('at', 'timestamptz')}
      where id = ${p('oldBidId', 'text')} and tender_id = ${p('tenderId', 'text')} and state = 'submitted'
        and version = ${p('oldVersion', 'int')} and exists (select 1 from ok)
      returning 1 as one)`
}

function replacedRowsSql(p: Param, from: string): string {
  return `,
    ins_old_event as (
      insert into events (stream_id, seq, type, data, meta, recorded_at, prev_hash, hash)
      select ${p('oldStreamId', 'text')}, ${p('oldSeq', 'int')}, ${p('oldType', 'text')},
        ${p('oldData', 'jsonb')}, ${p('oldMeta', 'jsonb')}, ${p('oldRecordedAt', 'timestamptz')},
        ${p('oldPrevHash', 'text')}, ${p('oldHash', 'text')}
      from ${from}),
    ins_old_receipt as (
      insert into bid_receipts (id, bid_id, tender_id, bidder_org_id, action, jws, issued_at)
      select ${p('oldReceiptId', 'text')}, ${p('oldBidId', 'text')}, ${p('tenderId', 'text')},
        ${p('bidderOrgId', 'text')}, 'replaced', ${p('oldReceiptJws', 'text')}, ${p('at', 'timestamptz')}
      from ${from})`
}

function insertsSql(p: Param, replacing: boolean, from: string): string {
  // Every insert selects from the claim (or the checks): all CTEs run, but these then insert nothing.
  return `
    ins_bid as (
      insert into bids (id, tender_id, bidder_org_id, state, version, mode, ciphertext, ciphertext_sha256,
        submitted_at, updated_at)
      select ${p('bidId', 'text')}, ${p('tenderId', 'text')}, ${p('bidderOrgId', 'text')}, 'submitted', 1,
        ${p('mode', 'text')}, ${p('ciphertext', 'text')}, ${p('ciphertextSha256', 'text')},
        ${p('at', 'timestamptz')}, ${p('at', 'timestamptz')} from ${from}
      returning 1 as one),
    ins_event as (
      insert into events (stream_id, seq, type, data, meta, recorded_at, prev_hash, hash)
      select ${p('eventStreamId', 'text')}, ${p('eventSeq', 'int')}, ${p('eventType', 'text')},
        ${p('eventData', 'jsonb')}, ${p('eventMeta', 'jsonb')}, ${p('eventRecordedAt', 'timestamptz')},
        ${p('eventPrevHash', 'text')}, ${p('eventHash', 'text')}
      from ${from}),
    ins_receipt as (
      insert into bid_receipts (id, bid_id, tender_id, bidder_org_id, action, jws, issued_at)
      select ${p('receiptId', 'text')}, ${p('bidId', 'text')}, ${p('tenderId', 'text')},
        ${p('bidderOrgId', 'text')}, 'submitted', ${p('receiptJws', 'text')}, ${p('at', 'timestamptz')}
      from ${from})${replacing ? replacedRowsSql(p, from) : ''}`
}

/** One of the four statement variants: with or without an Idempotency-Key, a new bid or a replacement. */
function acceptanceStatement(idempotent: boolean, replacing: boolean): NamedStatement<AcceptParams> {
  const name = `accept_bid_${idempotent ? 'keyed' : 'plain'}_${replacing ? 'replacing' : 'new'}`
  return namedStatement<AcceptParams>(name, (p) => {
    const checked = replacing ? 'upd' : 'ok'
    const { prior, claim } = claimSql(p, idempotent, replacing, checked)
    const from = idempotent ? 'claim' : checked
    return `
    with tender as (
      select id, state, purchaser_org_id, snapshot->'context'->>'deadline' as deadline,
        coalesce((snapshot->'context'->>'suspended')::boolean, false) as suspended
      from tenders where id = ${p('tenderId', 'text')} for share),
    prior as (${prior}),
    live as (
      select id, ciphertext_sha256 from bids
      where tender_id = ${p('tenderId', 'text')} and bidder_org_id = ${p('bidderOrgId', 'text')}
        and state = 'submitted'),
    ok as (
      select 1 as one from tender
      where state = 'bidding' and not suspended and deadline = ${p('deadline', 'text')}
        and ${p('at', 'timestamptz')} < deadline::timestamptz
        and not exists (select 1 from prior)
        ${replacing ? '' : 'and not exists (select 1 from live)'})${replacing ? replaceSql(p) : ''}${claim},
    ${insertsSql(p, replacing, from)}
    select exists (select 1 from ins_bid) as "accepted",
      (select to_jsonb(t) from tender t) as "tender",
      (select to_jsonb(p) from prior p) as "prior",
      (select to_jsonb(l) from live l) as "live"`
  })
}

const STATEMENTS = {
  plainNew: acceptanceStatement(false, false),
  plainReplacing: acceptanceStatement(false, true),
  keyedNew: acceptanceStatement(true, false),
  keyedReplacing: acceptanceStatement(true, true),
}

function statementFor(a: NewBidAcceptance): NamedStatement<AcceptParams> {
  if (a.idempotency === null) return a.replacing === null ? STATEMENTS.plainNew : STATEMENTS.plainReplacing
  return a.replacing === null ? STATEMENTS.keyedNew : STATEMENTS.keyedReplacing
}

function paramsOf(a: NewBidAcceptance): AcceptParams {
  const { event: e, idempotency: i, replacing: r } = a
  return {
    tenderId: a.tenderId,
    bidderOrgId: a.bidderOrgId,
    deadline: a.deadline,
    at: a.at,
    bidId: a.bidId,
    mode: a.sealed.mode,
    ciphertext: a.sealed.jwe,
    ciphertextSha256: a.sealed.ciphertextSha256,
    eventStreamId: e.streamId,
    eventSeq: e.seq,
    eventType: e.type,
    eventData: JSON.stringify(e.data),
    eventMeta: JSON.stringify(e.meta),
    eventRecordedAt: e.recordedAt,
    eventPrevHash: e.prevHash,
    eventHash: e.hash,
    receiptId: a.receipt.id,
    receiptJws: a.receipt.jws,
    key: i?.key ?? null,
    route: i?.route ?? null,
    requestSha256: i?.wrappedRequestSha256 ?? null,
    statusCode: i?.statusCode ?? null,
    response: i ? JSON.stringify(i.response) : null,
    oldBidId: r?.bidId ?? null,
    oldState: r?.state ?? null,
    oldVersion: r?.version ?? null,
    oldNextVersion: r ? r.version + 1 : null,
    oldPriceFen: r?.priceFen ?? null,
    oldStreamId: r?.event.streamId ?? null,
    oldSeq: r?.event.seq ?? null,
    oldType: r?.event.type ?? null,
    oldData: r ? JSON.stringify(r.event.data) : null,
    oldMeta: r ? JSON.stringify(r.event.meta) : null,
    oldRecordedAt: r?.event.recordedAt ?? null,
    oldPrevHash: r?.event.prevHash ?? null,
    oldHash: r?.event.hash ?? null,
    oldReceiptId: r?.receipt.id ?? null,
    oldReceiptJws: r?.receipt.jws ?? null,
  }
}

/**
 * Runs the acceptance. The FOR SHARE lock orders it against CLOSE_BIDDING's FOR UPDATE as the
 * transactional path does; bids_one_live_per_bidder still refuses a concurrent live bid (23505).
 * Its four variants are fixed texts, prepared once per connection on PostgreSQL.
 */
export async function acceptNewBid(db: Kysely<Database>, a: NewBidAcceptance): Promise<AcceptanceOutcome> {
  const result = await executeNamed<AcceptParams, AcceptanceOutcome>(db, statementFor(a), paramsOf(a))
  const row = result.rows[0]
  if (!row) throw new Error('the bid acceptance statement returned no row')
  return row
}
