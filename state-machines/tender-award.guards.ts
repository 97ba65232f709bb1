// Guards of the award (定标) phases: committee, dossiers, ballots, decision, notice, decline, contract.
import {
  type AwardRound,
  designatedWinner,
  type MeetingOutcome,
  revoteCandidates,
} from './award-methods/award-method.ts'
import { awardMethodRules } from './award-methods/registry.ts'
import { areDistinctIds, hasText } from './checks.ts'
import { firstRefusal, malformed, OTHER_BRANCH, type Refusal, unless, type Verdict } from './refusal.ts'
import { revoteLimit, tieBreakOf } from './rule-pack.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import { committeeSizeRule } from './tender-committee.rules.ts'
import { noRulePack } from './tender-common.guards.ts'

/** The award meeting as the award methods see it. */
export function awardMeeting(context: TenderContext): AwardRound {
  return {
    members: context.awardCommittee,
    round: context.round,
    ballots: context.ballots,
    activeCandidates: context.activeCandidates,
    maxRevotes: revoteLimit(context.rulePack).value,
    tieBreak: tieBreakOf(context.rulePack)?.value ?? null,
    pricesFen: Object.fromEntries(context.openedBids.map((bid) => [bid.bidId, bid.priceFen])),
  }
}

/** Where the meeting stands under the published method; undecidable without one. */
export function meetingOutcome(context: TenderContext): MeetingOutcome {
  if (context.awardMethod === null) return { kind: 'undecidable' }
  return awardMethodRules(context.awardMethod).outcome(awardMeeting(context))
}

/** Candidates still eligible: the evaluation's candidates minus every winner who declined. */
export function remainingCandidates(context: TenderContext, alsoDeclined: string | null = null): string[] {
  return context.candidates.filter(
    (bidId) => bidId !== alsoDeclined && !context.declinedBidIds.includes(bidId),
  )
}

// The `…Now` preconditions: the part of each guard that depends on the context only ("available now",
// for allowedEvents). The machine's guard is precondition, then the guard below (tender.event-guard.ts).

const COMMITTEE_SOURCE =
  'REGULATIONS §5.1 (local 评定分离 practice): the award committee is drawn once, its chair among its members'
const DOSSIER_SOURCE = 'REGULATIONS §5: the committee votes on dossiers frozen before the vote'
const BALLOT_SOURCE =
  'REGULATIONS §5.2: one secret ballot (票决) per member and round, for a candidate in the vote'
const DECISION_SOURCE =
  '法 Art 40, 57: the winner is a remaining candidate, designated by the method published in the documents'

export function canFormAwardCommitteeNow(context: TenderContext): Verdict {
  if (context.rulePack === null) return noRulePack()
  return unless(context.awardCommittee.length === 0, () => ({
    code: 'committee_already_formed',
    message: 'the award committee is already formed',
    rule: 'oneAwardCommittee',
    limit: 1,
    source: COMMITTEE_SOURCE,
  }))
}

function dossiersNotFrozen(): Refusal {
  return {
    code: 'dossiers_not_frozen',
    message: 'the dossiers must be frozen before anyone votes',
    rule: 'frozenDossiers',
    limit: 'FREEZE_DOSSIERS',
    source: DOSSIER_SOURCE,
    conflict: true,
  }
}

export function canFreezeDossiersNow(context: TenderContext): Verdict {
  if (context.awardCommittee.length === 0) {
    return {
      code: 'committee_not_formed',
      message: 'form the award committee before freezing its dossiers',
      rule: 'committeeFirst',
      limit: 'FORM_AWARD_COMMITTEE',
      source: DOSSIER_SOURCE,
    }
  }
  return unless(context.dossierHash === null, () => ({
    code: 'dossiers_already_frozen',
    message: 'the dossiers are already frozen',
    rule: 'frozenDossiers',
    limit: 1,
    source: DOSSIER_SOURCE,
    conflict: true,
  }))
}

const hasVoted = (context: TenderContext, memberId: string) =>
  context.ballots.some((b) => b.round === context.round && b.memberId === memberId)

function alreadyVoted(context: TenderContext): Refusal {
  return {
    code: 'already_voted',
    message: `you have already voted in round ${context.round}`,
    rule: 'oneBallotPerRound',
    limit: 1,
    source: BALLOT_SOURCE,
    field: 'memberId',
    details: { round: context.round },
    conflict: true,
  }
}

/** Dossiers frozen, a candidate to vote for, and a member who has not voted this round. */
export function canCastBallotNow(context: TenderContext): Verdict {
  if (context.dossierHash === null) return dossiersNotFrozen()
  if (context.activeCandidates.length === 0) return notActive(context)
  // Only committee members may vote, so when every member has voted the sender has too.
  return unless(
    context.awardCommittee.some((memberId) => !hasVoted(context, memberId)),
    () => alreadyVoted(context),
  )
}

export function canStartRevoteNow(context: TenderContext, at: string): Verdict {
  return canStartRevote(context, { type: 'START_REVOTE', at })
}

function winnerNotDesignated(
  context: TenderContext,
  winnerBidId: string | null,
  designated: string | null,
): Refusal {
  const whom = winnerBidId === null ? 'a winner' : winnerBidId
  return {
    code: 'winner_not_designated',
    message: `the award meeting in round ${context.round} does not designate ${whom} as the winner`,
    rule: 'designatedWinner',
    limit: designated ?? 'none yet',
    source: DECISION_SOURCE,
    field: 'winnerBidId',
  }
}

/** The votes or the declared tie-break designate a remaining candidate. */
export function canDecideNow(context: TenderContext): Verdict {
  if (context.dossierHash === null) return winnerNotDesignated(context, null, null)
  const winner = designatedWinner(meetingOutcome(context))
  return unless(winner !== null && remainingCandidates(context).includes(winner), () =>
    winnerNotDesignated(context, null, winner),
  )
}

export function canFailTiedAwardNow(context: TenderContext, at: string): Verdict {
  return canFailTiedAward(context, { type: 'FAIL_AWARD', at })
}

export function canIssueAwardNoticeNow(context: TenderContext): Verdict {
  if (context.rulePack === null) return noRulePack()
  return unless(context.noticeIssuedAt === null, () => ({
    code: 'notice_already_issued',
    message: `the award notice was issued at ${context.noticeIssuedAt}`,
    rule: 'oneAwardNotice',
    limit: 1,
    source: '法 Art 45: the award notice (中标通知书) goes to the winner once the winner is determined',
  }))
}

export function canDeclineWinnerNow(context: TenderContext): Verdict {
  return unless(context.winnerBidId !== null, () => malformed('winnerBidId', 'a decided winner'))
}

export function canSignContractNow(context: TenderContext): Verdict {
  return unless(context.noticeIssuedAt !== null, () => ({
    code: 'notice_not_issued',
    message: 'the contract follows the award notice: issue it first',
    rule: 'contractAfterNotice',
    limit: 'ISSUE_AWARD_NOTICE',
    source: '法 Art 46: the contract is signed within 30 days of the award notice',
  }))
}

function chairOnCommittee(event: EventOf<'FORM_AWARD_COMMITTEE'>): Verdict {
  return unless(event.members.includes(event.chairId), () => ({
    code: 'chair_not_on_committee',
    message: 'the chair must be one of the drawn members',
    rule: 'chairAmongMembers',
    limit: 'a drawn member',
    source: COMMITTEE_SOURCE,
    field: 'chairId',
  }))
}

export function canFormAwardCommittee(
  context: TenderContext,
  event: EventOf<'FORM_AWARD_COMMITTEE'>,
): Verdict {
  const pack = context.rulePack
  if (pack === null) return noRulePack()
  return firstRefusal(
    () => canFormAwardCommitteeNow(context),
    () => unless(areDistinctIds(event.members), () => malformed('members', 'distinct, non-blank ids')),
    () =>
      committeeSizeRule(
        'invalid_committee_size',
        'awardCommittee',
        pack.awardCommittee,
        event.members.length,
      ),
    () => chairOnCommittee(event),
  )
}

export function canFreezeDossiers(context: TenderContext, event: EventOf<'FREEZE_DOSSIERS'>): Verdict {
  return (
    canFreezeDossiersNow(context) ??
    unless(hasText(event.dossierHash), () => malformed('dossierHash', 'a non-blank hash'))
  )
}

function notActive(context: TenderContext): Refusal {
  return {
    code: 'not_an_active_candidate',
    message: 'the ballot must name a candidate still in the vote',
    rule: 'activeCandidate',
    limit: context.activeCandidates.join(', '),
    source: BALLOT_SOURCE,
    field: 'candidateBidId',
    details: { activeCandidates: context.activeCandidates },
  }
}

export function canCastBallot(context: TenderContext, event: EventOf<'CAST_BALLOT'>): Verdict {
  const { memberId } = event
  return firstRefusal(
    () => unless(context.dossierHash !== null, dossiersNotFrozen),
    () =>
      unless(context.awardCommittee.includes(memberId), () => malformed('memberId', 'a committee member')),
    () => unless(!hasVoted(context, memberId), () => alreadyVoted(context)),
    () => unless(context.activeCandidates.includes(event.candidateBidId), () => notActive(context)),
    () => unless(hasText(event.reason), () => malformed('reason', 'a non-blank reason')),
  )
}

/** START_REVOTE: only a completed tie with re-votes left (the method names the tied). */
export function canStartRevote(context: TenderContext, _event: EventOf<'START_REVOTE'>): Verdict {
  const outcome = meetingOutcome(context)
  if (revoteCandidates(outcome) !== null) return null
  const { value, source } = revoteLimit(context.rulePack)
  const spent = outcome.kind === 'deadlocked' || (outcome.kind === 'decided' && outcome.by !== 'votes')
  const message = spent
    ? `no re-vote after round ${context.round}: the ${value} permitted re-votes are spent (maxRevotes: ${source})`
    : `round ${context.round} is not a completed tie that may be voted again`
  const code = spent ? 'revotes_exhausted' : 'no_tie_to_revote'
  return { code, message, rule: 'maxRevotes', limit: value, source, details: { round: context.round } }
}

/**
 * DECIDE: the winner is a remaining candidate (法 Art 57) designated by the published method, by the
 * votes or, once the re-votes are spent, by the declared tie-break: exactly that candidate, nobody else.
 */
export function canDecide(context: TenderContext, event: EventOf<'DECIDE'>): Verdict {
  const { winnerBidId } = event
  const winner = context.dossierHash === null ? null : designatedWinner(meetingOutcome(context))
  const designated =
    winner === winnerBidId &&
    remainingCandidates(context).includes(winnerBidId) &&
    context.activeCandidates.includes(winnerBidId)
  return firstRefusal(
    () => unless(designated, () => winnerNotDesignated(context, winnerBidId, winner)),
    () => unless(hasText(event.reasons), () => malformed('reasons', 'the reasons for the decision')),
  )
}

/** FAIL_AWARD: the re-votes are spent and the tie-break cannot separate the tied (定标失败 → 重新招标). */
export function canFailTiedAward(context: TenderContext, _event: EventOf<'FAIL_AWARD'>): Verdict {
  const deadlocked = context.dossierHash !== null && meetingOutcome(context).kind === 'deadlocked'
  const tieBreak = tieBreakOf(context.rulePack)
  return unless(deadlocked, () => ({
    code: 'award_not_deadlocked',
    message: 'the award can still be decided, so it may not be declared failed',
    rule: 'tieBreak',
    limit: tieBreak?.value ?? 'none declared',
    source: tieBreak?.source ?? 'REGULATIONS §5.2: a tie no declared rule can break fails the award',
  }))
}

export function canIssueAwardNotice(context: TenderContext, event: EventOf<'ISSUE_AWARD_NOTICE'>): Verdict {
  return (
    canIssueAwardNoticeNow(context) ??
    unless(hasText(event.noticeId), () => malformed('noticeId', 'a non-blank id'))
  )
}

export function canDeclineWinner(context: TenderContext, event: EventOf<'WINNER_DECLINED'>): Verdict {
  return (
    canDeclineWinnerNow(context) ??
    unless(hasText(event.reason), () => malformed('reason', 'a non-blank reason'))
  )
}

/** The winner fell away and nobody is left to award: 流标 (re-tender). A branch of WINNER_DECLINED. */
export function declineLeavesNoCandidate(context: TenderContext, event: EventOf<'WINNER_DECLINED'>): Verdict {
  return (
    canDeclineWinner(context, event) ??
    unless(remainingCandidates(context, context.winnerBidId).length === 0, () => OTHER_BRANCH)
  )
}

export function canSignContract(context: TenderContext, event: EventOf<'CONTRACT_SIGNED'>): Verdict {
  return (
    canSignContractNow(context) ??
    unless(hasText(event.contractRef), () => malformed('contractRef', 'a non-blank reference'))
  )
}
