// The opening record (开标记录, 电子办法 Art 32): who bid, at what price, with what outcome and why, and
// the committed bid set. Public once the tender is opened.

import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { readStream } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { Conflict } from '../shared/errors.ts'
import { listBids } from '../submission/bid-repository.ts'
import { isOpened } from '../submission/bids.view.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'

export async function readOpeningRecord(db: Kysely<Database>, actor: Actor | null, tenderId: string) {
  const tender = await findTender(db, tenderId)
  assertVisible(tender, actor)
  const { context } = tender
  if (!isOpened(context)) {
    throw new Conflict(
      `tender ${tenderId} has not been opened (state "${tender.state}")`,
      { state: tender.state },
      'not_opened',
    )
  }
  const events = await readStream(db, tenderStreamId(tenderId))
  const recordedAt = (type: string) => events.find((event) => event.type === type)?.recordedAt ?? null
  const bids = new Map((await listBids(db, { tenderId })).map((bid) => [bid.id, bid]))
  return {
    tenderId,
    reference: context.particulars.reference,
    title: context.particulars.title,
    deadline: context.deadline,
    closedAt: recordedAt('CLOSE_BIDDING'),
    openedAt: recordedAt('OPEN'),
    bidCount: context.bidCount,
    bidSetHash: context.bidSetHash,
    bids: context.openedBids.map((opened) => {
      const bid = bids.get(opened.bidId)
      return {
        bidId: opened.bidId,
        bidderOrgId: opened.bidderOrgId,
        bidderName: bid?.bidderName ?? null,
        bidderUscc: bid?.bidderUscc ?? null,
        outcome: opened.outcome,
        reason: bid?.openingReason ?? null,
        priceFen: opened.priceFen,
        submittedAt: bid ? bid.submittedAt.toISOString() : null,
        mode: bid?.mode ?? null,
        ciphertextSha256: bid?.ciphertextSha256 ?? null,
      }
    }),
  }
}
