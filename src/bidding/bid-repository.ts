// All SQL on the bids projection. Functions that lock demand a Transaction; rows leave as BidRecords.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { BidsTable, Database } from '../db/schema.ts'
import { Conflict, NotFound } from '../shared/errors.ts'

export const bidStreamId = (bidId: string) => `bid-${bidId}`

export interface BidRecord {
  readonly id: string
  readonly tenderId: string
  readonly bidderOrgId: string
  readonly state: string
  /** The bid stream's version (seq of its last event). */
  readonly version: number
  readonly content: Record<string, unknown>
  readonly contentHash: string
  readonly priceFen: string | null
  readonly submittedAt: Date
  readonly updatedAt: Date
}

/** A bid with its bidder's public identity, for listings and the opening record. */
export interface BidListing extends BidRecord {
  readonly bidderName: string
  readonly bidderUscc: string
}

const toRecord = (row: Selectable<BidsTable>): BidRecord => ({
  id: row.id,
  tenderId: row.tender_id,
  bidderOrgId: row.bidder_org_id,
  state: row.state,
  version: row.version,
  content: row.content,
  contentHash: row.content_hash,
  priceFen: row.price_fen,
  submittedAt: new Date(row.submitted_at),
  updatedAt: new Date(row.updated_at),
})

/** Inserts a live bid; a concurrent live bid of the same bidder (bids_one_live_per_bidder) is a 409. */
export async function insertBid(trx: Transaction<Database>, bid: BidRecord): Promise<void> {
  try {
    await trx
      .insertInto('bids')
      .values({
        id: bid.id,
        tender_id: bid.tenderId,
        bidder_org_id: bid.bidderOrgId,
        state: bid.state,
        version: bid.version,
        content: JSON.stringify(bid.content),
        content_hash: bid.contentHash,
        price_fen: bid.priceFen,
        submitted_at: bid.submittedAt,
        updated_at: bid.updatedAt,
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
    .selectAll()
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
    .selectAll()
    .where('id', '=', bidId)
    .where('tender_id', '=', tenderId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NotFound(`bid ${bidId} does not exist on tender ${tenderId}`)
  return toRecord(row)
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

/** The live ('submitted') bids of a tender in submission order: the set CLOSE_BIDDING commits to. */
export async function listLiveBids(trx: Transaction<Database>, tenderId: string): Promise<BidRecord[]> {
  const rows = await trx
    .selectFrom('bids')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .where('state', '=', 'submitted')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute()
  return rows.map(toRecord)
}

/** Bids of a tender with bidder identity, optionally one bidder's only, in submission order. */
export async function listBids(
  db: Kysely<Database>,
  filter: { tenderId: string; bidderOrgId?: string; states?: readonly string[] },
): Promise<BidListing[]> {
  let query = db
    .selectFrom('bids')
    .innerJoin('organisations', 'organisations.id', 'bids.bidder_org_id')
    .selectAll('bids')
    .select(['organisations.name as bidder_name', 'organisations.uscc as bidder_uscc'])
    .where('bids.tender_id', '=', filter.tenderId)
  if (filter.bidderOrgId) query = query.where('bids.bidder_org_id', '=', filter.bidderOrgId)
  if (filter.states) query = query.where('bids.state', 'in', [...filter.states])
  const rows = await query.orderBy('bids.submitted_at').orderBy('bids.id').execute()
  return rows.map((row) => ({ ...toRecord(row), bidderName: row.bidder_name, bidderUscc: row.bidder_uscc }))
}
