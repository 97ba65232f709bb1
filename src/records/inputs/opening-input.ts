// The opening record (开标记录, 电子办法 Art 32): every bid with its price or why it did not open, the
// committed bid set and the close and opening times. Pure.

import type { OpeningRecordInput } from '../../../templates/pdf/record-input.ts'
import { identityOf, lastOf, particularsOf } from './input-parts.ts'
import type { RecordSource } from './record-source.ts'

export function openingRecordInput({
  events,
  context,
  certified,
  directory,
}: RecordSource): OpeningRecordInput {
  return {
    type: 'opening_record',
    tender: identityOf(context),
    particulars: particularsOf(context, directory),
    closedAt: lastOf(events, 'CLOSE_BIDDING')?.recordedAt ?? null,
    openedAt: certified.recordedAt,
    bidCount: context.bidCount,
    bidSetHash: context.bidSetHash,
    bids: context.openedBids.map((bid) => {
      const facts = directory.bid(bid.bidId)
      return {
        bidId: bid.bidId,
        bidder: directory.party(bid.bidderOrgId),
        outcome: bid.outcome,
        reason: facts?.openingReason ?? null,
        priceFen: bid.priceFen,
        submittedAt: facts?.submittedAt ?? null,
        ciphertextSha256: facts?.ciphertextSha256 ?? null,
      }
    }),
  }
}
