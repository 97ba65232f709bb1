// Guards of opening (开标) and evaluation (评标): the committee, declarations, rejections, scores, report.
import { areDistinctIds, fitsCommitteeRule, hasText, isFen, isSameSet } from './checks.ts'
import { type TenderContext, validBidIds } from './tender.context.ts'
import type { EventOf, GuardSpec } from './tender.event-guard.ts'
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

/** Bidding closed on a committed bid set. */
const hasCommittedBidSet = (context: TenderContext) => context.bidSetHash !== null

/** The opening record covers exactly the committed number of bids, each once. */
export const canOpen: GuardSpec<'OPEN'> = {
  available: hasCommittedBidSet,
  check: (context, event) =>
    // Exactly the set CLOSE_BIDDING committed to: no bid added, dropped or swapped since.
    event.bidSetHash === context.bidSetHash &&
    event.bids.length === context.bidCount &&
    areDistinctIds(event.bids.map((bid) => bid.bidId)) &&
    event.bids.every(isWellFormedOpenedBid),
}

/** 流标 after opening: fewer decrypted bids than the pack's minimum valid bids. */
export const opensWithTooFewValidBids: GuardSpec<'OPEN'> = {
  available: hasCommittedBidSet,
  check: (context, event) => {
    const minValid = context.rulePack?.limits.minValidBids.value ?? Number.POSITIVE_INFINITY
    const opened = event.bids.filter((bid) => bid.outcome === 'opened').length
    return canOpen.check(context, event) === true && opened < minValid
  },
}

export const canDrawExperts: GuardSpec<'DRAW_EXPERTS'> = {
  available: (context) => context.rulePack !== null && context.expertCommittee.length === 0,
  check: (context, event) =>
    context.rulePack !== null &&
    areDistinctIds(event.members) &&
    fitsCommitteeRule(event.members.length, context.rulePack.evaluationCommittee),
}

export const canDeclareNoConflict: GuardSpec<'DECLARE_NO_CONFLICT'> = {
  available: (context) => context.expertCommittee.some((expert) => !context.declaredExperts.includes(expert)),
  check: (context, event) =>
    context.expertCommittee.includes(event.expertId) && !context.declaredExperts.includes(event.expertId),
}

function isDeclaredExpert(context: TenderContext, expertId: string): boolean {
  return context.expertCommittee.includes(expertId) && context.declaredExperts.includes(expertId)
}

/**
 * 否决投标 with its ground. Rejections belong to the preliminary review (初步评审), so they close once
 * any expert has submitted scores: scores always cover the same set of valid bids.
 */
export const canRejectBid: GuardSpec<'REJECT_BID'> = {
  available: (context) =>
    context.scoredExperts.length === 0 &&
    context.declaredExperts.some((expert) => isDeclaredExpert(context, expert)) &&
    validBidIds(context).length > 0,
  check: (context, event) =>
    isDeclaredExpert(context, event.expertId) &&
    context.openedBids.some((bid) => bid.bidId === event.bidId && bid.outcome === 'opened') &&
    !context.rejectedBids.some((bid) => bid.bidId === event.bidId) &&
    hasText(event.ground),
}

export const canSubmitScores: GuardSpec<'SUBMIT_SCORES'> = {
  available: (context) =>
    context.declaredExperts.some(
      (expert) => isDeclaredExpert(context, expert) && !context.scoredExperts.includes(expert),
    ),
  check: (context, event) =>
    isDeclaredExpert(context, event.expertId) &&
    !context.scoredExperts.includes(event.expertId) &&
    isSameSet(
      event.scores.map((s) => s.bidId),
      validBidIds(context),
    ) &&
    event.scores.every((s) => Number.isFinite(s.score) && s.score >= 0 && s.score <= 100),
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
function reportIsWellFormed(context: TenderContext, event: EventOf<'SUBMIT_REPORT'>): boolean {
  const valid = validBidIds(context)
  const { candidates } = event
  return (
    context.expertCommittee.includes(event.expertId) &&
    event.dissent.every((d) => context.expertCommittee.includes(d.expertId)) &&
    areDistinctIds(candidates) &&
    candidates.every((bidId) => valid.includes(bidId)) &&
    (candidates.length === 0 || candidateCountFits(context, candidates.length, valid.length))
  )
}

export const canSubmitReport: GuardSpec<'SUBMIT_REPORT'> = {
  available: committeeHasFinished,
  check: reportIsWellFormed,
}

export const reportRejectsAll: GuardSpec<'SUBMIT_REPORT'> = {
  available: committeeHasFinished,
  check: (context, event) => event.candidates.length === 0 && reportIsWellFormed(context, event),
}
