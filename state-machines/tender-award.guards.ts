// Guards of the award (定标) phases: committee, dossiers, ballots, decision, notice, decline, contract.
import {
  type AwardRound,
  designatedWinner,
  type MeetingOutcome,
  revoteCandidates,
} from './award-methods/award-method.ts'
import { awardMethodRules } from './award-methods/registry.ts'
import { areDistinctIds, fitsCommitteeRule, hasText } from './checks.ts'
import { revoteLimit, tieBreakOf } from './rule-pack.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'

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
// for allowedEvents). The machine's guard is precondition && the guard below (tender.event-guard.ts).

export function canFormAwardCommitteeNow(context: TenderContext): boolean {
  return context.rulePack !== null && context.awardCommittee.length === 0
}

export function canFreezeDossiersNow(context: TenderContext): boolean {
  return context.awardCommittee.length > 0 && context.dossierHash === null
}

/** Dossiers frozen, a candidate to vote for, and a member who has not voted this round. */
export function canCastBallotNow(context: TenderContext): boolean {
  const voted = (memberId: string) =>
    context.ballots.some((b) => b.round === context.round && b.memberId === memberId)
  return (
    context.dossierHash !== null &&
    context.activeCandidates.length > 0 &&
    context.awardCommittee.some((memberId) => !voted(memberId))
  )
}

export function canStartRevoteNow(context: TenderContext, at: string): boolean {
  return canStartRevote(context, { type: 'START_REVOTE', at })
}

/** The votes or the declared tie-break designate a remaining candidate. */
export function canDecideNow(context: TenderContext): boolean {
  if (context.dossierHash === null) return false
  const winner = designatedWinner(meetingOutcome(context))
  return winner !== null && remainingCandidates(context).includes(winner)
}

export function canFailTiedAwardNow(context: TenderContext, at: string): boolean {
  return canFailTiedAward(context, { type: 'FAIL_AWARD', at })
}

export function canIssueAwardNoticeNow(context: TenderContext): boolean {
  return context.rulePack !== null && context.noticeIssuedAt === null
}

export function canDeclineWinnerNow(context: TenderContext): boolean {
  return context.winnerBidId !== null
}

export function canSignContractNow(context: TenderContext): boolean {
  return context.noticeIssuedAt !== null
}

export function canFormAwardCommittee(
  context: TenderContext,
  event: EventOf<'FORM_AWARD_COMMITTEE'>,
): boolean {
  const pack = context.rulePack
  return (
    pack !== null &&
    context.awardCommittee.length === 0 &&
    areDistinctIds(event.members) &&
    fitsCommitteeRule(event.members.length, pack.awardCommittee) &&
    event.members.includes(event.chairId)
  )
}

export function canFreezeDossiers(context: TenderContext, event: EventOf<'FREEZE_DOSSIERS'>): boolean {
  return context.awardCommittee.length > 0 && context.dossierHash === null && hasText(event.dossierHash)
}

export function canCastBallot(context: TenderContext, event: EventOf<'CAST_BALLOT'>): boolean {
  const { memberId } = event
  return (
    context.dossierHash !== null &&
    context.awardCommittee.includes(memberId) &&
    !context.ballots.some((b) => b.round === context.round && b.memberId === memberId) &&
    context.activeCandidates.includes(event.candidateBidId) &&
    hasText(event.reason)
  )
}

export function canStartRevote(context: TenderContext, _event: EventOf<'START_REVOTE'>): boolean {
  return revoteCandidates(meetingOutcome(context)) !== null
}

/**
 * DECIDE: the winner is a remaining candidate (法 Art 57) designated by the published method, by the
 * votes or, once the re-votes are spent, by the declared tie-break: exactly that candidate, nobody else.
 */
export function canDecide(context: TenderContext, event: EventOf<'DECIDE'>): boolean {
  const { winnerBidId } = event
  return (
    context.dossierHash !== null &&
    hasText(event.reasons) &&
    remainingCandidates(context).includes(winnerBidId) &&
    context.activeCandidates.includes(winnerBidId) &&
    designatedWinner(meetingOutcome(context)) === winnerBidId
  )
}

/** FAIL_AWARD: the re-votes are spent and the tie-break cannot separate the tied (定标失败 → 重新招标). */
export function canFailTiedAward(context: TenderContext, _event: EventOf<'FAIL_AWARD'>): boolean {
  return context.dossierHash !== null && meetingOutcome(context).kind === 'deadlocked'
}

export function canIssueAwardNotice(context: TenderContext, event: EventOf<'ISSUE_AWARD_NOTICE'>): boolean {
  return context.rulePack !== null && context.noticeIssuedAt === null && hasText(event.noticeId)
}

export function canDeclineWinner(context: TenderContext, event: EventOf<'WINNER_DECLINED'>): boolean {
  return context.winnerBidId !== null && hasText(event.reason)
}

/** The winner fell away and nobody is left to award: 流标 (re-tender). */
export function declineLeavesNoCandidate(context: TenderContext, event: EventOf<'WINNER_DECLINED'>): boolean {
  return canDeclineWinner(context, event) && remainingCandidates(context, context.winnerBidId).length === 0
}

export function canSignContract(context: TenderContext, event: EventOf<'CONTRACT_SIGNED'>): boolean {
  return context.noticeIssuedAt !== null && hasText(event.contractRef)
}
