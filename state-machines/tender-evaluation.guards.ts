// Guards of evaluation (评标): the committee's draw, declarations, rejections (否决投标) and scores.
import { areDistinctIds, hasText, isSameSet } from './checks.ts'
import { firstRefusal, malformed, type Refusal, unless, type Verdict } from './refusal.ts'
import { expertShareOf } from './rule-pack.ts'
import { type TenderContext, validBidIds } from './tender.context.ts'
import type { EventOf, GuardSpec } from './tender.event-guard.ts'
import { committeeSizeRule } from './tender-committee.rules.ts'
import { noRulePack } from './tender-common.guards.ts'

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

export function notOnCommittee(field: string, id: string): Refusal {
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
