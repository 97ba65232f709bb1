// Guards of the award (定标) phases: committee, dossiers, ballots, decision, notice, decline, contract.
import type { AwardRound } from './award-methods/award-method.ts'
import { awardMethodRules } from './award-methods/registry.ts'
import { areDistinctIds, fitsCommitteeRule, hasText } from './checks.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'

/** The award meeting as the award methods see it. */
export function awardMeeting(context: TenderContext): AwardRound {
  return {
    members: context.awardCommittee,
    round: context.round,
    ballots: context.ballots,
    activeCandidates: context.activeCandidates,
    maxRevotes: context.rulePack?.maxRevotes ?? 0,
  }
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

export function canFreezeDossiersNow(context: TenderContext): boolean {
  return context.awardCommittee.length > 0 && context.dossierHash === null
}

export function canFreezeDossiers(context: TenderContext, event: EventOf<'FREEZE_DOSSIERS'>): boolean {
  return context.awardCommittee.length > 0 && context.dossierHash === null && hasText(event.dossierHash)
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

function methodRules(context: TenderContext) {
  return context.awardMethod === null ? null : awardMethodRules(context.awardMethod)
}

export function canStartRevote(context: TenderContext, _event: EventOf<'START_REVOTE'>): boolean {
  return methodRules(context)?.revoteCandidates(awardMeeting(context)) != null
}

export function canStartRevoteNow(context: TenderContext, at: string): boolean {
  return canStartRevote(context, { type: 'START_REVOTE', at })
}

/** The published method designates some remaining candidate. */
export function canDecideNow(context: TenderContext): boolean {
  const rules = methodRules(context)
  if (rules === null || context.dossierHash === null) return false
  const meeting = awardMeeting(context)
  return remainingCandidates(context).some(
    (bidId) => context.activeCandidates.includes(bidId) && rules.designates(meeting, bidId),
  )
}

/** DECIDE: the winner is a remaining candidate (法 Art 57) designated by the published method. */
export function canDecide(context: TenderContext, event: EventOf<'DECIDE'>): boolean {
  const { winnerBidId } = event
  const rules = methodRules(context)
  return (
    rules !== null &&
    context.dossierHash !== null &&
    hasText(event.reasons) &&
    remainingCandidates(context).includes(winnerBidId) &&
    context.activeCandidates.includes(winnerBidId) &&
    rules.designates(awardMeeting(context), winnerBidId)
  )
}

export function canIssueAwardNoticeNow(context: TenderContext): boolean {
  return context.rulePack !== null && context.noticeIssuedAt === null
}

export function canIssueAwardNotice(context: TenderContext, event: EventOf<'ISSUE_AWARD_NOTICE'>): boolean {
  return context.rulePack !== null && context.noticeIssuedAt === null && hasText(event.noticeId)
}

export function canDeclineWinnerNow(context: TenderContext): boolean {
  return context.winnerBidId !== null
}

export function canDeclineWinner(context: TenderContext, event: EventOf<'WINNER_DECLINED'>): boolean {
  return context.winnerBidId !== null && hasText(event.reason)
}

/** The winner fell away and nobody is left to award: 流标 (re-tender). */
export function declineLeavesNoCandidate(context: TenderContext, event: EventOf<'WINNER_DECLINED'>): boolean {
  return canDeclineWinner(context, event) && remainingCandidates(context, context.winnerBidId).length === 0
}

export function canSignContractNow(context: TenderContext): boolean {
  return context.noticeIssuedAt !== null
}

export function canSignContract(context: TenderContext, event: EventOf<'CONTRACT_SIGNED'>): boolean {
  return context.noticeIssuedAt !== null && hasText(event.contractRef)
}
