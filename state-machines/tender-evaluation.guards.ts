// Guards of opening (开标) and evaluation (评标): the committee, declarations, rejections, scores, report.
import { areDistinctIds, fitsCommitteeRule, hasText, isFen, isSameSet } from './checks.ts'
import { type TenderContext, validBidIds } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import type { BidOpeningOutcome, OpenedBid } from './tender.events.ts'

const OUTCOMES: readonly BidOpeningOutcome[] = [
  'opened',
  'decryptFailedBidder',
  'decryptFailedOther',
  'invalid',
]

function isWellFormedOpenedBid(bid: OpenedBid): boolean {
  return (
    hasText(bid.bidId) &&
    hasText(bid.bidderOrgId) &&
    OUTCOMES.includes(bid.outcome) &&
    (bid.outcome !== 'opened' || isFen(bid.priceFen))
  )
}

/** The opening record covers exactly the committed number of bids, each once. */
export function canOpen(context: TenderContext, event: EventOf<'OPEN'>): boolean {
  return (
    // Exactly the set CLOSE_BIDDING committed to: no bid added, dropped or swapped since.
    event.bidSetHash === context.bidSetHash &&
    event.bids.length === context.bidCount &&
    areDistinctIds(event.bids.map((bid) => bid.bidId)) &&
    event.bids.every(isWellFormedOpenedBid)
  )
}

/** 流标 after opening: fewer decrypted bids than the pack's minimum valid bids. */
export function opensWithTooFewValidBids(context: TenderContext, event: EventOf<'OPEN'>): boolean {
  const minValid = context.rulePack?.limits.minValidBids.value ?? Number.POSITIVE_INFINITY
  const opened = event.bids.filter((bid) => bid.outcome === 'opened').length
  return canOpen(context, event) && opened < minValid
}

export function canDrawExperts(context: TenderContext, event: EventOf<'DRAW_EXPERTS'>): boolean {
  const pack = context.rulePack
  return (
    pack !== null &&
    context.expertCommittee.length === 0 &&
    areDistinctIds(event.members) &&
    fitsCommitteeRule(event.members.length, pack.evaluationCommittee)
  )
}

export function canDeclareNoConflict(context: TenderContext, event: EventOf<'DECLARE_NO_CONFLICT'>): boolean {
  return context.expertCommittee.includes(event.expertId) && !context.declaredExperts.includes(event.expertId)
}

function isDeclaredExpert(context: TenderContext, expertId: string): boolean {
  return context.expertCommittee.includes(expertId) && context.declaredExperts.includes(expertId)
}

/**
 * 否决投标 with its ground. Rejections belong to the preliminary review (初步评审), so they close once
 * any expert has submitted scores: scores always cover the same set of valid bids.
 */
export function canRejectBid(context: TenderContext, event: EventOf<'REJECT_BID'>): boolean {
  return (
    isDeclaredExpert(context, event.expertId) &&
    context.scoredExperts.length === 0 &&
    context.openedBids.some((bid) => bid.bidId === event.bidId && bid.outcome === 'opened') &&
    !context.rejectedBids.some((bid) => bid.bidId === event.bidId) &&
    hasText(event.ground)
  )
}

export function canSubmitScores(context: TenderContext, event: EventOf<'SUBMIT_SCORES'>): boolean {
  return (
    isDeclaredExpert(context, event.expertId) &&
    !context.scoredExperts.includes(event.expertId) &&
    isSameSet(
      event.scores.map((s) => s.bidId),
      validBidIds(context),
    ) &&
    event.scores.every((s) => Number.isFinite(s.score) && s.score >= 0 && s.score <= 100)
  )
}

function committeeHasFinished(context: TenderContext): boolean {
  const { expertCommittee, declaredExperts, scoredExperts } = context
  return (
    expertCommittee.length > 0 &&
    expertCommittee.every((expert) => declaredExperts.includes(expert) && scoredExperts.includes(expert))
  )
}

/** The candidate count is within the pack's range, capped by the number of valid bids. */
function candidateCountFits(context: TenderContext, count: number, validCount: number): boolean {
  const range = context.rulePack?.candidates
  if (range === undefined) return false
  return count >= range.min.value && count <= Math.min(range.max.value, validCount)
}

/** The signed report; no candidates at all means every bid failed (流标, 法 Art 42). */
export function canSubmitReport(context: TenderContext, event: EventOf<'SUBMIT_REPORT'>): boolean {
  const valid = validBidIds(context)
  const { candidates } = event
  return (
    context.expertCommittee.includes(event.expertId) &&
    committeeHasFinished(context) &&
    event.dissent.every((d) => context.expertCommittee.includes(d.expertId)) &&
    areDistinctIds(candidates) &&
    candidates.every((bidId) => valid.includes(bidId)) &&
    (candidates.length === 0 || candidateCountFits(context, candidates.length, valid.length))
  )
}

export function reportRejectsAll(context: TenderContext, event: EventOf<'SUBMIT_REPORT'>): boolean {
  return event.candidates.length === 0 && canSubmitReport(context, event)
}
