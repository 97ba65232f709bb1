// Context updates of the award phases: meeting, decision, publicity, notice, decline, contract.

import { revoteCandidates } from './award-methods/award-method.ts'
import { addLimitDays } from './day-count.ts'
import type { Attendance, TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import { meetingOutcome, remainingCandidates } from './tender-award.guards.ts'
import { isBefore } from './time.ts'

type Changes = Partial<TenderContext>

/** A fresh vote among the remaining candidates (after publicity, an upheld objection or a decline). */
export function startAwardVote(context: TenderContext): Changes {
  return {
    activeCandidates: remainingCandidates(context),
    round: 1,
    roundStatus: 'pending',
    ballots: [],
    winnerBidId: null,
    decidedAt: null,
    publicityEndsAt: null,
  }
}

export function formAwardCommittee(_context: TenderContext, event: EventOf<'FORM_AWARD_COMMITTEE'>): Changes {
  return { awardCommittee: [...event.members], awardChairId: event.chairId }
}

export function freezeDossiers(_context: TenderContext, event: EventOf<'FREEZE_DOSSIERS'>): Changes {
  return { dossierHash: event.dossierHash }
}

/** A member's check-in or recusal replaces whatever the member had recorded before. */
function attend(context: TenderContext, attendance: Attendance): Changes {
  const others = context.attendance.filter((entry) => entry.memberId !== attendance.memberId)
  return { attendance: [...others, attendance] }
}

export function checkIn(context: TenderContext, event: EventOf<'CHECK_IN'>): Changes {
  return attend(context, { memberId: event.memberId, status: 'checkedIn', at: event.at })
}

export function recuse(context: TenderContext, event: EventOf<'RECUSE'>): Changes {
  return attend(context, { memberId: event.memberId, status: 'recused', at: event.at })
}

export function openRound(_context: TenderContext, _event: EventOf<'OPEN_ROUND'>): Changes {
  return { roundStatus: 'open' }
}

export function closeRound(_context: TenderContext, _event: EventOf<'CLOSE_ROUND'>): Changes {
  return { roundStatus: 'closed' }
}

export function castBallot(context: TenderContext, event: EventOf<'CAST_BALLOT'>): Changes {
  const ballot = { round: context.round, memberId: event.memberId, candidateBidId: event.candidateBidId }
  return { ballots: [...context.ballots, ballot] }
}

/** The next round among the tied candidates, as the award method names them; the chair opens it. */
export function startRevote(context: TenderContext, _event: EventOf<'START_REVOTE'>): Changes {
  const tied = revoteCandidates(meetingOutcome(context))
  if (tied === null) return {}
  return { round: context.round + 1, roundStatus: 'pending', activeCandidates: [...tied] }
}

export function decide(context: TenderContext, event: EventOf<'DECIDE'>): Changes {
  const pack = context.rulePack
  return {
    winnerBidId: event.winnerBidId,
    decidedAt: event.at,
    publicityEndsAt: pack === null ? null : addLimitDays(event.at, pack.limits.resultPublicityDays, pack),
  }
}

/**
 * The contract falls due `contractDays` after the notice. Counted as the pack counts that limit: the
 * bidding-law pack counts calendar days (法 Art 46 says 日), and the GP pack marks its 30-day contract
 * limit as calendar days too (GPL Art 46), although GP counts most other limits in working days.
 */
export function issueAwardNotice(context: TenderContext, event: EventOf<'ISSUE_AWARD_NOTICE'>): Changes {
  const pack = context.rulePack
  return {
    noticeId: event.noticeId,
    noticeIssuedAt: event.at,
    contractDueAt: pack === null ? null : addLimitDays(event.at, pack.limits.contractDays, pack),
  }
}

/** The winner falls away: it joins the decliners and the award is taken again among the rest. */
export function declineWinner(context: TenderContext, _event: EventOf<'WINNER_DECLINED'>): Changes {
  const declined = context.winnerBidId === null ? [] : [context.winnerBidId]
  const next = { ...context, declinedBidIds: [...context.declinedBidIds, ...declined] }
  return {
    ...startAwardVote(next),
    declinedBidIds: next.declinedBidIds,
    noticeId: null,
    noticeIssuedAt: null,
    contractDueAt: null,
  }
}

export function signContract(context: TenderContext, event: EventOf<'CONTRACT_SIGNED'>): Changes {
  return { contractRef: event.contractRef, contractSignedLate: isBefore(context.contractDueAt, event.at) }
}
