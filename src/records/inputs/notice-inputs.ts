// The award notice (中标通知书, 法 Art 45) to the winner and the result notice (中标结果通知书) to each
// other bidder, both issued with ISSUE_AWARD_NOTICE. Pure.

import type { AwardNoticeInput, UnsuccessfulNoticeInput } from '../../../templates/pdf/record-input.ts'
import { Conflict } from '../../shared/errors.ts'
import { identityOf, particularsOf } from './input-parts.ts'
import type { RecordSource } from './record-source.ts'

function decision(source: RecordSource) {
  const { context } = source
  const winner = context.openedBids.find((b) => b.bidId === context.winnerBidId)
  if (winner === undefined || context.decidedAt === null || context.noticeId === null) {
    throw new Conflict('the certified event does not issue an award notice', {}, 'no_award_notice')
  }
  return { winner, decidedAt: context.decidedAt, noticeId: context.noticeId }
}

export function awardNoticeInput(source: RecordSource): AwardNoticeInput {
  const { context, certified, directory, request } = source
  const { winner, decidedAt, noticeId } = decision(source)
  return {
    type: 'award_notice',
    tender: identityOf(context),
    particulars: particularsOf(context, directory),
    recipient: directory.party(request.recipientOrgId ?? winner.bidderOrgId),
    noticeId,
    bidId: winner.bidId,
    priceFen: winner.priceFen,
    decidedAt,
    issuedAt: certified.recordedAt,
    contractDueAt: context.contractDueAt,
  }
}

export function unsuccessfulNoticeInput(source: RecordSource): UnsuccessfulNoticeInput {
  const { context, certified, directory, request } = source
  const { winner, decidedAt, noticeId } = decision(source)
  if (request.recipientOrgId === null) {
    throw new Conflict('a result notice needs its addressee', {}, 'no_recipient')
  }
  const rejected = new Set(context.rejectedBids.map((r) => r.bidId))
  const declined = new Set(context.declinedBidIds)
  return {
    type: 'unsuccessful_notice',
    tender: identityOf(context),
    particulars: particularsOf(context, directory),
    recipient: directory.party(request.recipientOrgId),
    noticeId,
    ownBids: context.openedBids
      .filter((b) => b.bidderOrgId === request.recipientOrgId)
      .map((b) => ({
        bidId: b.bidId,
        priceFen: b.priceFen,
        outcome:
          b.outcome !== 'opened'
            ? b.outcome
            : rejected.has(b.bidId)
              ? 'rejected'
              : declined.has(b.bidId)
                ? 'declined'
                : 'notSelected',
      })),
    winner: directory.party(winner.bidderOrgId),
    winningPriceFen: winner.priceFen,
    decidedAt,
    issuedAt: certified.recordedAt,
  }
}
