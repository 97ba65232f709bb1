// What anyone reads about a tender without signing in, through the very functions the API answers a
// caller without a token with (actor null): the tender view, its amendments, its public records
// (maySeeRecord) and, once opened, the opening record (开标记录, 电子办法 Art 32). A draft is a 404.
import type { Kysely } from 'kysely'
import { readAmendments } from '../clarifications/amendments.ts'
import type { Database } from '../db/schema.ts'
import { organisationNames } from '../evaluation/expert-pool.ts'
import { readOpeningRecord } from '../opening/opening-record.ts'
import { maySeeRecord } from '../records/record-access.ts'
import { listTenderRecords } from '../records/record-repository.ts'
import type { Clock } from '../shared/clock.ts'
import { isOpened } from '../submission/bids.view.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { listVisibleTenders } from '../tenders/tender-list.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { tenderView } from '../tenders/tender-view.ts'

export interface NoticeDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

/** Nobody signed in: every public read is made as this caller, whoever looks at the page. */
const VISITOR = null

const LIST_SIZE = 200

/** The published tenders, as GET /api/v1/tenders lists them to a caller without a token. */
export async function listPublicTenders(deps: NoticeDeps) {
  const rows = await listVisibleTenders(deps.db, VISITOR, { limit: LIST_SIZE, offset: 0 })
  const now = deps.clock.now().toISOString()
  return rows.map((row) => tenderView(row, now))
}

/** The tender if a visitor may see it (a draft or an unknown id: NotFound, the page's 404). */
export async function findPublicTender(deps: NoticeDeps, tenderId: string): Promise<Tender> {
  const tender = await findTender(deps.db, tenderId)
  assertVisible(tender, VISITOR)
  return tender
}

/** The tender's signed records open to a visitor (GET /api/v1/tenders/:id/records without a token). */
export async function publicRecords(deps: NoticeDeps, tender: Tender) {
  const records = await listTenderRecords(deps.db, tender.id)
  return records.filter((meta) => maySeeRecord(tender, VISITOR, meta))
}

export type PublicRecord = Awaited<ReturnType<typeof publicRecords>>[number]

export async function purchaserName(deps: NoticeDeps, tender: Tender): Promise<string | null> {
  return (await organisationNames(deps.db, [tender.purchaserOrgId])).get(tender.purchaserOrgId) ?? null
}

/** The tender's public page: the tender, its amendments, public records and the opening once opened. */
export async function readPublicTender(deps: NoticeDeps, tenderId: string) {
  const tender = await findPublicTender(deps, tenderId)
  const bidders = [...new Set(tender.context.openedBids.map((bid) => bid.bidderOrgId))]
  return {
    /** The directory's names of the opened bids' bidders, where a bid row names none. */
    bidderNames: await organisationNames(deps.db, bidders),
    view: tenderView(tender, deps.clock.now().toISOString()),
    purchaser: await purchaserName(deps, tender),
    amendments: await readAmendments(deps.db, VISITOR, tenderId),
    records: await publicRecords(deps, tender),
    opening: isOpened(tender.context) ? await readOpeningRecord(deps.db, VISITOR, tenderId) : null,
  }
}

export type PublicTender = Awaited<ReturnType<typeof readPublicTender>>
