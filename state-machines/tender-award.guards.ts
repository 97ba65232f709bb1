// Guards of the award (定标) phases: committee, dossiers and ballots. The sitting's own events (check-in,
// recusal, the chair's rounds) are in tender-award-sitting.guards.ts; the decision and after in
// tender-award-decision.guards.ts.
import type { MeetingOutcome } from './award-methods/award-method.ts'
import { awardMethodRules } from './award-methods/registry.ts'
import { attendanceOf, awardMeeting, holdsSitting, roundStatusOf, yetToVote } from './award-sitting.ts'
import { areDistinctIds, hasText } from './checks.ts'
import { firstRefusal, malformed, type Refusal, unless, type Verdict } from './refusal.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import { committeeSizeRule } from './tender-committee.rules.ts'
import { noRulePack } from './tender-common.guards.ts'

export { awardMeeting } from './award-sitting.ts'

/**
 * Where the meeting stands under the published method; undecidable without one. A round that is not
 * closed is still voting, whatever its ballots say: nothing is tallied before the close.
 */
export function meetingOutcome(context: TenderContext): MeetingOutcome {
  if (context.awardMethod === null) return { kind: 'undecidable' }
  const rules = awardMethodRules(context.awardMethod)
  if (rules.implemented && roundStatusOf(context) !== 'closed') {
    return { kind: 'voting', waitingFor: yetToVote(context) }
  }
  return rules.outcome(awardMeeting(context))
}

/** Candidates still eligible: the evaluation's candidates minus every winner who declined. */
export function remainingCandidates(context: TenderContext, alsoDeclined: string | null = null): string[] {
  return context.candidates.filter(
    (bidId) => bidId !== alsoDeclined && !context.declinedBidIds.includes(bidId),
  )
}

// The `…Now` preconditions: the part of each guard that depends on the context only ("available now",
// for allowedEvents). The machine's guard is precondition, then the guard below (tender.event-guard.ts).

export const COMMITTEE_SOURCE =
  'REGULATIONS §5.1 (local 评定分离 practice): the award committee is drawn once, its chair among its members'
const DOSSIER_SOURCE = 'REGULATIONS §5: the committee votes on dossiers frozen before the vote'
const BALLOT_SOURCE =
  'REGULATIONS §5.2: one secret ballot (票决) per member and round, for a candidate in the vote'
export const SITTING_SOURCE =
  'REGULATIONS §5.1 (local 评定分离 practice): the chair (组长) presides: opens each round once the quorum ' +
  'is present and the dossiers are frozen, and closes it once every member present has voted; ' +
  '§5.2: ballots are secret during voting and revealed after tallying'
export const ATTENDANCE_SOURCE =
  'REGULATIONS §5.1: persons with a conflict of interest with any candidate are excluded, so each drawn ' +
  'member declares none at check-in (签到) or recuses (回避); absences and recusals are recorded'

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

export function dossiersNotFrozen(): Refusal {
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

/** The round is not open for ballots: not opened by the chair yet, or closed. */
export function roundNotOpen(context: TenderContext): Refusal {
  const status = roundStatusOf(context)
  const why = status === 'closed' ? 'is closed' : 'has not been opened by the chair yet'
  return {
    code: 'round_not_open',
    message: `round ${context.round} ${why}: ballots are cast while the chair holds it open`,
    rule: 'openRound',
    limit: 'OPEN_ROUND',
    source: SITTING_SOURCE,
    details: { round: context.round, roundStatus: status },
    conflict: true,
  }
}

/** A committee member who has checked in and not recused (the old procedure: any committee member). */
function castBallotSender(context: TenderContext, event: EventOf<'CAST_BALLOT'>): Verdict {
  const { memberId } = event
  if (!context.awardCommittee.includes(memberId)) return malformed('memberId', 'a committee member')
  if (!holdsSitting(context)) return null
  const status = attendanceOf(context, memberId)?.status ?? null
  if (status === 'checkedIn') return null
  const recused = status === 'recused'
  return {
    code: recused ? 'member_recused' : 'not_checked_in',
    message: recused
      ? 'you have recused yourself (回避) from this award meeting and do not vote'
      : 'check in (签到) with your declaration of no conflict of interest before you vote',
    rule: 'checkInBeforeVoting',
    limit: 'CHECK_IN',
    source: ATTENDANCE_SOURCE,
    field: 'memberId',
  }
}

/** Dossiers frozen, the round open, a candidate to vote for, and a voting member yet to vote. */
export function canCastBallotNow(context: TenderContext): Verdict {
  if (context.dossierHash === null) return dossiersNotFrozen()
  // The old procedure's round is open until its last ballot, so one who voted hears "already voted".
  if (holdsSitting(context) && context.roundStatus !== 'open') return roundNotOpen(context)
  if (context.activeCandidates.length === 0) return notActive(context)
  // Only voting members may vote, so when every one has voted the sender has too.
  return unless(yetToVote(context).length > 0, () => alreadyVoted(context))
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
  return firstRefusal(
    () => unless(!hasVoted(context, event.memberId), () => alreadyVoted(context)),
    () => unless(context.activeCandidates.includes(event.candidateBidId), () => notActive(context)),
    () => unless(hasText(event.reason), () => malformed('reason', 'a non-blank reason')),
  )
}

export const castBallotGuard = { sender: castBallotSender, available: canCastBallotNow, check: canCastBallot }
