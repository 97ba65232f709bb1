// All SQL on the bids projection. Functions that lock demand a Transaction; rows leave as BidRecords,
// without the ciphertext (up to the bid body limit), which only opening reads.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { BidsTable } from '../db/tables/bidding.ts'
import { Conflict, NotFound } from '../shared/errors.ts'

export type BidMode = BidsTable['mode']

export interface BidRecord {
  readonly id: string
  readonly tenderId: string
  readonly bidderOrgId: string
  readonly state: string
  /** The bid stream's version (seq of its last event). */
  readonly version: number
  readonly mode: BidMode
  /** SHA-256 (hex) of the compact JWE: on the receipt, in the bid stream, in the committed bid set. */
  readonly ciphertextSha256: string
  /** The decrypted content, known from opening (null while sealed). */
  readonly content: Record<string, unknown> | null
  readonly openingReason: string | null
  readonly priceFen: string | null
  readonly submittedAt: Date
  readonly updatedAt: Date
}

/** A live bid as opening reads it: the record and its stored JWE. */
export interface SealedBidRecord extends BidRecord {
  readonly ciphertext: string | null
}

/** A bid with its bidder's public identity, for listings and the opening record. */
export interface BidListing extends BidRecord {
  readonly bidderName: string
  readonly bidderUscc: string
}

const RECORD_COLUMNS = [
  'bids.id',
  'bids.tender_id',
  'bids.bidder_org_id',
  'bids.state',
  'bids.version',
  'bids.mode',
  'bids.ciphertext_sha256',
  'bids.content',
  'bids.opening_reason',
  'bids.price_fen',
  'bids.submitted_at',
  'bids.updated_at',
] as const

interface RecordRow {
  id: string
  tender_id: string
  bidder_org_id: string
  state: string
  version: number
  mode: BidMode
  ciphertext_sha256: string
  content: Record<string, unknown> | null
  opening_reason: string | null
  price_fen: string | null
  submitted_at: Date | string
  updated_at: Date | string
}

const toRecord = (row: RecordRow): BidRecord => ({
  id: row.id,
  tenderId: row.tender_id,
  bidderOrgId: row.bidder_org_id,
  state: row.state,
  version: row.version,
  mode: row.mode,
  ciphertextSha256: row.ciphertext_sha256,
  content: row.content,
  openingReason: row.opening_reason,
  priceFen: row.price_fen,
  submittedAt: new Date(row.submitted_at),
  updatedAt: new Date(row.updated_at),
})

export interface NewBid {
  readonly id: string
  readonly tenderId: string
  readonly bidderOrgId: string
  readonly mode: 'jwe' | 'plaintext-convenience'
  readonly ciphertext: string
  readonly ciphertextSha256: string
  readonly submittedAt: Date
}

/** Inserts a live bid; a concurrent live bid of the same bidder (bids_one_live_per_bidder) is a 409. */
export async function insertBid(trx: Transaction<Database>, bid: NewBid): Promise<void> {
  try {
    await trx
      .insertInto('bids')
      .values({
        id: bid.id,
        tender_id: bid.tenderId,
        bidder_org_id: bid.bidderOrgId,
        state: 'submitted',
        version: 1,
        mode: bid.mode,
        ciphertext: bid.ciphertext,
        ciphertext_sha256: bid.ciphertextSha256,
        content: null, // known only at opening
        price_fen: null,
        submitted_at: bid.submittedAt,
        updated_at: bid.submittedAt,
      })
      .execute()
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error
    throw new Conflict(
      'another bid of your organisation for this tender was submitted at the same moment; retry',
      {},
      'concurrent_bid',
    )
  }
}

/** The bidder's live bid on the tender, locked; a bid replaced meanwhile no longer matches. */
export async function lockLiveBidOf(
  trx: Transaction<Database>,
  tenderId: string,
  bidderOrgId: string,
): Promise<BidRecord | undefined> {
  const row = await trx
    .selectFrom('bids')
    .select(RECORD_COLUMNS)
    .where('tender_id', '=', tenderId)
    .where('bidder_org_id', '=', bidderOrgId)
    .where('state', '=', 'submitted')
    .forUpdate()
    .executeTakeFirst()
  return row ? toRecord(row) : undefined
}

export async function lockBid(
  trx: Transaction<Database>,
  tenderId: string,
  bidId: string,
): Promise<BidRecord> {
  const row = await trx
    .selectFrom('bids')
    .select(RECORD_COLUMNS)
    .where('id', '=', bidId)
    .where('tender_id', '=', tenderId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NotFound(`bid ${bidId} does not exist on tender ${tenderId}`)
  return toRecord(row)
}

export async function findBid(
  db: Kysely<Database>,
  tenderId: string,
  bidId: string,
): Promise<BidRecord | undefined> {
  const row = await db
    .selectFrom('bids')
    .select(RECORD_COLUMNS)
    .where('id', '=', bidId)
    .where('tender_id', '=', tenderId)
    .executeTakeFirst()
  return row ? toRecord(row) : undefined
}

export async function updateBidState(
  trx: Transaction<Database>,
  bidId: string,
  change: { state: string; version: number; priceFen: string | null; updatedAt: Date },
): Promise<void> {
  await trx
    .updateTable('bids')
    .set({
      state: change.state,
      version: change.version,
      price_fen: change.priceFen,
      updated_at: change.updatedAt,
    })
    .where('id', '=', bidId)
    .execute()
}

/** What opening learnt: the decrypted content (when it decrypted) and why it did not open. */
export async function recordOpening(
  trx: Transaction<Database>,
  bidId: string,
  opening: { content: Record<string, unknown> | null; reason: string | null },
): Promise<void> {
  await trx
    .updateTable('bids')
    .set({
      content: opening.content === null ? null : JSON.stringify(opening.content),
      opening_reason: opening.reason,
    })
    .where('id', '=', bidId)
    .execute()
}

/** The live ('submitted') bids of a tender in submission order: the set CLOSE_BIDDING commits to. */
export async function listLiveBids(trx: Transaction<Database>, tenderId: string): Promise<BidRecord[]> {
  const rows = await trx
    .selectFrom('bids')
    .select(RECORD_COLUMNS)
    .where('tender_id', '=', tenderId)
    .where('state', '=', 'submitted')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute()
  return rows.map(toRecord)
}

/** The live bids with their ciphertext, for opening. */
export async function listLiveSealedBids(
  trx: Transaction<Database>,
  tenderId: string,
): Promise<SealedBidRecord[]> {
  const rows = await trx
    .selectFrom('bids')
    .select([...RECORD_COLUMNS, 'bids.ciphertext'])
    .where('tender_id', '=', tenderId)
    .where('state', '=', 'submitted')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ ...toRecord(row), ciphertext: row.ciphertext }))
}

/** Bids of a tender with bidder identity, optionally one bidder's only, in submission order. */
export async function listBids(
  db: Kysely<Database>,
  filter: { tenderId: string; bidderOrgId?: string; states?: readonly string[] },
): Promise<BidListing[]> {
  let query = db
    .selectFrom('bids')
    .innerJoin('organisations', 'organisations.id', 'bids.bidder_org_id')
    .select(RECORD_COLUMNS)
    .select(['organisations.name as bidder_name', 'organisations.uscc as bidder_uscc'])
    .where('bids.tender_id', '=', filter.tenderId)
  if (filter.bidderOrgId) query = query.where('bids.bidder_org_id', '=', filter.bidderOrgId)
  if (filter.states) query = query.where('bids.state', 'in', [...filter.states])
  const rows = await query.orderBy('bids.submitted_at').orderBy('bids.id').execute()
  return rows.map((row) => ({ ...toRecord(row), bidderName: row.bidder_name, bidderUscc: row.bidder_uscc }))
}
