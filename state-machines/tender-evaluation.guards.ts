// Guards of opening (开标) and evaluation (评标): the committee, declarations, rejections, scores, report.
import { areDistinctIds, hasText, isFen, isSameSet } from './checks.ts'
import { firstRefusal, malformed, OTHER_BRANCH, type Refusal, unless, type Verdict } from './refusal.ts'
import { expertShareOf } from './rule-pack.ts'
import { type TenderContext, validBidIds } from './tender.context.ts'
import type { EventOf, GuardSpec } from './tender.event-guard.ts'
import type { BidOpeningOutcome, OpenedBid } from './tender.events.ts'
import { committeeSizeRule } from './tender-committee.rules.ts'
import { noRulePack } from './tender-common.guards.ts'
import { isAtOrBefore } from './time.ts'

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
const hasCommittedBidSet = (context: TenderContext): Verdict =>
  unless(context.bidSetHash !== null, () => malformed('bidSetHash', 'committed by CLOSE_BIDDING first'))

/** Exactly the set CLOSE_BIDDING committed to: no bid added, dropped or swapped since. */
function committedSet(context: TenderContext, event: EventOf<'OPEN'>): Verdict {
  const same = event.bidSetHash === context.bidSetHash && event.bids.length === context.bidCount
  return unless(same, () => ({
    code: 'bid_set_mismatch',
    message:
      'the live bids no longer hash to the bid set committed when bidding closed: nothing is opened; the bids table was changed outside the platform',
    rule: 'committedBidSet',
    limit: context.bidSetHash ?? '',
    source: '法 Art 36; 电子办法 Art 29: every bid received by the deadline is opened, and no other',
    field: 'bidSetHash',
    details: {
      committedBidSetHash: context.bidSetHash,
      foundBidSetHash: event.bidSetHash,
      committedBidCount: context.bidCount,
    },
  }))
}

/** The opening record covers exactly the committed number of bids, each once. */
export const canOpen: GuardSpec<'OPEN'> = {
  available: hasCommittedBidSet,
  check: (context, event) =>
    firstRefusal(
      () => committedSet(context, event),
      () =>
        unless(
          areDistinctIds(event.bids.map((bid) => bid.bidId)) && event.bids.every(isWellFormedOpenedBid),
          () => malformed('bids', 'distinct bids, each with an outcome (and a price in fen when opened)'),
        ),
    ),
}

/** 流标 after opening: fewer decrypted bids than the pack's minimum valid bids (a branch of OPEN). */
export const opensWithTooFewValidBids: GuardSpec<'OPEN'> = {
  available: hasCommittedBidSet,
  check: (context, event) => {
    const minValid = context.rulePack?.limits.minValidBids.value ?? Number.POSITIVE_INFINITY
    const opened = event.bids.filter((bid) => bid.outcome === 'opened').length
    return canOpen.check(context, event) ?? unless(opened < minValid, () => OTHER_BRANCH)
  },
}

/**
 * 评标委员会: experts (技术、经济等方面的专家) make at least the pack's share of the members (法 Art 37:
 * 2/3). A member is an expert when the draw took them from the expert pool; anyone else on the
 * committee (a purchaser's representative, 招标人代表) counts against the share.
 */
export function expertShareRule(context: TenderContext, event: EventOf<'DRAW_EXPERTS'>): Verdict {
  const share = expertShareOf(context.rulePack)
  if (share === null) return null // a pack frozen before the share was cited declares none
  const pool = new Set(event.draw.pool)
  const experts = event.members.filter((member) => pool.has(member)).length
  const total = event.members.length
  const { numerator, denominator, source } = share
  return unless(experts * denominator >= numerator * total, () => ({
    code: 'expert_share_too_low',
    message: `experts must be at least ${numerator}/${denominator} of the evaluation committee; ${experts} of ${total} are drawn from the expert pool (${source})`,
    rule: 'evaluationCommittee.minExpertShare',
    limit: `${numerator}/${denominator}`,
    source,
    field: 'members',
    details: { experts, members: total },
  }))
}

export const canDrawExperts: GuardSpec<'DRAW_EXPERTS'> = {
  available: (context) => {
    if (context.rulePack === null) return noRulePack()
    return unless(context.expertCommittee.length === 0, () => ({
      code: 'committee_already_drawn',
      message: 'the evaluation committee has already been drawn',
      rule: 'oneEvaluationCommittee',
      limit: 1,
      source: '实施条例 Art 46: the committee is drawn at random once, from the expert pool',
      conflict: true,
    }))
  },
  check: (context, event) => {
    const pack = context.rulePack
    if (pack === null) return noRulePack()
    return firstRefusal(
      () => unless(areDistinctIds(event.members), () => malformed('members', 'distinct, non-blank ids')),
      () =>
        committeeSizeRule(
          'committee_size_not_allowed',
          'evaluationCommittee',
          pack.evaluationCommittee,
          event.members.length,
        ),
      () => expertShareRule(context, event),
    )
  },
}

const DECLARATION_SOURCE =
  '实施条例 Art 46; 暂行规定 Art 12: an expert with a conflict of interest withdraws (回避)'

function alreadyDeclared(): Refusal {
  return {
    code: 'already_declared',
    message: 'you have already declared no conflict of interest',
    rule: 'oneDeclaration',
    limit: 1,
    source: DECLARATION_SOURCE,
    field: 'expertId',
    conflict: true,
  }
}

function notOnCommittee(field: string, id: string): Refusal {
  return {
    code: 'not_on_committee',
    message: `${id} is not on the evaluation committee`,
    rule: 'committeeMember',
    limit: 'a drawn member',
    source: '法 Art 37: the committee evaluates, and no one else',
    field,
  }
}

export const canDeclareNoConflict: GuardSpec<'DECLARE_NO_CONFLICT'> = {
  // Only committee experts may send it, so when everyone has declared the sender has too.
  available: (context) =>
    unless(
      context.expertCommittee.some((expert) => !context.declaredExperts.includes(expert)),
      alreadyDeclared,
    ),
  check: (context, event) =>
    firstRefusal(
      () =>
        unless(context.expertCommittee.includes(event.expertId), () =>
          notOnCommittee('expertId', event.expertId),
        ),
      () => unless(!context.declaredExperts.includes(event.expertId), alreadyDeclared),
    ),
}

function declarationRequired(): Refusal {
  return {
    code: 'declaration_required',
    message: 'declare no conflict of interest before evaluating (回避声明)',
    rule: 'declarationFirst',
    limit: 'DECLARE_NO_CONFLICT',
    source: DECLARATION_SOURCE,
    field: 'expertId',
  }
}

function declared(context: TenderContext, expertId: string): Verdict {
  if (!context.expertCommittee.includes(expertId)) return notOnCommittee('expertId', expertId)
  return unless(context.declaredExperts.includes(expertId), declarationRequired)
}

const PRELIMINARY_REVIEW =
  '暂行规定 Art 19–25: rejections (否决投标) belong to the preliminary review, before scoring'

function rejectionsClosed(): Refusal {
  return {
    code: 'rejections_closed',
    message: 'rejections close once scoring has begun, so every score covers the same bids',
    rule: 'preliminaryReview',
    limit: 'before the first scores',
    source: PRELIMINARY_REVIEW,
  }
}

function rejectableBid(context: TenderContext, bidId: string): Verdict {
  if (!context.openedBids.some((bid) => bid.bidId === bidId && bid.outcome === 'opened')) {
    return {
      code: 'bid_not_opened',
      message: `bid ${bidId} is not an opened bid of this tender`,
      rule: 'openedBid',
      limit: 'an opened bid',
      source: PRELIMINARY_REVIEW,
      field: 'bidId',
    }
  }
  return unless(!context.rejectedBids.some((bid) => bid.bidId === bidId), () => ({
    code: 'already_rejected',
    message: `bid ${bidId} has already been rejected`,
    rule: 'oneRejection',
    limit: 1,
    source: PRELIMINARY_REVIEW,
    field: 'bidId',
    conflict: true,
  }))
}

/**
 * 否决投标 with its ground. Rejections belong to the preliminary review (初步评审), so they close once
 * any expert has submitted scores: scores always cover the same set of valid bids.
 */
export const canRejectBid: GuardSpec<'REJECT_BID'> = {
  available: (context) =>
    firstRefusal(
      () => unless(context.scoredExperts.length === 0, rejectionsClosed),
      () => unless(context.declaredExperts.length > 0, declarationRequired),
      () => unless(validBidIds(context).length > 0, () => malformed('bidId', 'a valid bid: none is left')),
    ),
  check: (context, event) =>
    firstRefusal(
      () => declared(context, event.expertId),
      () => rejectableBid(context, event.bidId),
      () => unless(hasText(event.ground), () => malformed('ground', 'a non-blank ground')),
    ),
}

function alreadyScored(): Refusal {
  return {
    code: 'already_scored',
    message: 'you have already submitted your scores',
    rule: 'oneScoreSheet',
    limit: 1,
    source: '暂行规定 Art 42: each member signs one evaluation of every bid',
    field: 'expertId',
    conflict: true,
  }
}

function scoresCoverValidBids(context: TenderContext, event: EventOf<'SUBMIT_SCORES'>): Verdict {
  const valid = validBidIds(context)
  const covered = isSameSet(
    event.scores.map((s) => s.bidId),
    valid,
  )
  if (!covered) {
    return {
      code: 'scores_must_cover_valid_bids',
      message: 'score every valid bid exactly once (opened and not rejected)',
      rule: 'scoreEveryValidBid',
      limit: valid.length,
      source: '法 Art 40: the committee evaluates every bid by the criteria of the documents',
      field: 'scores',
      details: { validBidIds: valid },
    }
  }
  return unless(
    event.scores.every((s) => Number.isFinite(s.score) && s.score >= 0 && s.score <= 100),
    () => malformed('scores', 'scores between 0 and 100'),
  )
}

export const canSubmitScores: GuardSpec<'SUBMIT_SCORES'> = {
  available: (context) => {
    if (context.declaredExperts.length === 0) return declarationRequired()
    // Every declared expert has scored: the sender has scored, or has yet to declare.
    const open = context.declaredExperts.some(
      (expert) => context.expertCommittee.includes(expert) && !context.scoredExperts.includes(expert),
    )
    return unless(open, alreadyScored)
  },
  check: (context, event) =>
    firstRefusal(
      () => declared(context, event.expertId),
      () => unless(!context.scoredExperts.includes(event.expertId), alreadyScored),
      () => scoresCoverValidBids(context, event),
    ),
}

function committeeHasFinished(context: TenderContext): Verdict {
  const { expertCommittee, declaredExperts, scoredExperts } = context
  const missingDeclarations = expertCommittee.filter((id) => !declaredExperts.includes(id))
  const missingScores = expertCommittee.filter((id) => !scoredExperts.includes(id))
  const finished = expertCommittee.length > 0 && missingDeclarations.length + missingScores.length === 0
  return unless(finished, () => ({
    code: 'committee_not_finished',
    message: 'every committee member must declare and score before the report',
    rule: 'wholeCommittee',
    limit: expertCommittee.length,
    source: '法 Art 40; 暂行规定 Art 42: the report is signed by every member of the committee',
    details: { missingDeclarations, missingScores },
  }))
}

/** Candidates are valid bids, within the pack's count capped by the valid bids; none at all means 流标. */
function candidatesRule(context: TenderContext, candidates: readonly string[]): Verdict {
  const valid = validBidIds(context)
  const invalid = candidates.filter((id) => !valid.includes(id))
  if (invalid.length > 0) {
    return {
      code: 'candidate_not_valid',
      message: 'candidates must be valid bids',
      rule: 'validCandidates',
      limit: 'a valid bid',
      source: '法 Art 40: candidates are recommended among the bids the committee found valid',
      field: 'candidates',
      details: { invalid, validBidIds: valid },
    }
  }
  if (!areDistinctIds(candidates)) return malformed('candidates', 'distinct bid ids')
  const range = context.rulePack?.candidates
  if (candidates.length === 0) return null
  if (range === undefined) return noRulePack()
  const max = Math.min(range.max.value, valid.length)
  const tooFew = candidates.length < range.min.value
  if (!tooFew && candidates.length <= max) return null
  const bound = tooFew ? range.min : range.max
  return {
    code: 'candidate_count_out_of_range',
    message: `name between ${range.min.value} and ${max} candidates (${bound.source})`,
    rule: tooFew ? 'candidates.min' : 'candidates.max',
    limit: bound.value,
    source: bound.source,
    field: 'candidates',
    details: { min: range.min.value, max },
  }
}

/** The signed report; no candidates at all means every bid failed (流标, 法 Art 42). */
function reportRule(context: TenderContext, event: EventOf<'SUBMIT_REPORT'>): Verdict {
  return firstRefusal(
    () =>
      unless(context.expertCommittee.includes(event.expertId), () =>
        notOnCommittee('expertId', event.expertId),
      ),
    () => candidatesRule(context, event.candidates),
    () => {
      const outsider = event.dissent.find((d) => !context.expertCommittee.includes(d.expertId))
      return outsider === undefined
        ? null
        : { ...notOnCommittee('dissent', outsider.expertId), code: 'dissent_not_member' }
    },
  )
}

export const canSubmitReport: GuardSpec<'SUBMIT_REPORT'> = {
  available: committeeHasFinished,
  check: reportRule,
}

/** The branch of a report naming no candidate (流标); canSubmitReport's refusal is the one reported. */
export const reportRejectsAll: GuardSpec<'SUBMIT_REPORT'> = {
  available: committeeHasFinished,
  check: (context, event) =>
    reportRule(context, event) ?? unless(event.candidates.length === 0, () => OTHER_BRANCH),
}

/**
 * END_PUBLICITY: the current publicity (candidates after the report, the result after DECIDE) has run
 * its course (条例 Art 54: ≥3 days), never ending early.
 */
export function publicityOver(context: TenderContext, at: string): Verdict {
  const pack = context.rulePack
  if (pack === null) return noRulePack()
  const { publicityEndsAt: endsAt } = context
  const name = context.decidedAt === null ? 'candidatePublicityDays' : 'resultPublicityDays'
  const period = pack.limits[name]
  return unless(isAtOrBefore(endsAt, at), () => ({
    code: 'publicity_not_over',
    message: `the publicity period runs until ${endsAt} (${period.value} days: ${period.source})`,
    rule: name,
    limit: period.value,
    source: period.source,
    details: { publicityEndsAt: endsAt },
  }))
}
