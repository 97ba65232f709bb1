// Guards of the award decision (定标) and after: re-vote, decide, fail a tie, notice, decline, contract.
import { designatedWinner, revoteCandidates } from './award-methods/award-method.ts'
import { hasText } from './checks.ts'
import { firstRefusal, malformed, OTHER_BRANCH, type Refusal, unless, type Verdict } from './refusal.ts'
import { revoteLimit, tieBreakOf } from './rule-pack.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import { AWARD_DECIDERS } from './tender.events.ts'
import { meetingOutcome, remainingCandidates } from './tender-award.guards.ts'
import { noRulePack } from './tender-common.guards.ts'

const DECISION_SOURCE =
  '法 Art 40, 57: the winner is a remaining candidate, designated by the method published in the documents'

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

/** Who moved the meeting on, when the event says: the chair or the purchaser. */
function knownDecider(event: { by?: string }): Verdict {
  const known = event.by === undefined || (AWARD_DECIDERS as readonly string[]).includes(event.by)
  return unless(known, () => malformed('by', AWARD_DECIDERS.join(' or ')))
}

/** START_REVOTE: only a completed tie with re-votes left (the method names the tied). */
export function canStartRevote(context: TenderContext, event: EventOf<'START_REVOTE'>): Verdict {
  const outcome = meetingOutcome(context)
  if (revoteCandidates(outcome) !== null) return knownDecider(event)
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
    () => knownDecider(event),
  )
}

/** FAIL_AWARD: the re-votes are spent and the tie-break cannot separate the tied (定标失败 → 重新招标). */
export function canFailTiedAward(context: TenderContext, event: EventOf<'FAIL_AWARD'>): Verdict {
  const deadlocked = context.dossierHash !== null && meetingOutcome(context).kind === 'deadlocked'
  const tieBreak = tieBreakOf(context.rulePack)
  if (deadlocked) return knownDecider(event)
  return {
    code: 'award_not_deadlocked',
    message: 'the award can still be decided, so it may not be declared failed',
    rule: 'tieBreak',
    limit: tieBreak?.value ?? 'none declared',
    source: tieBreak?.source ?? 'REGULATIONS §5.2: a tie no declared rule can break fails the award',
  }
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
