// Guards of the award meeting's sitting (定标会): each drawn member checks in declaring no conflict of
// interest (签到) or recuses (回避); the chair (组长) opens a round once the quorum the pack declares is
// present and closes it once every member present has voted, revealing its tally. Replacement draws for
// recusals and absences are a later step (issue 15); until then the quorum alone says whether the
// meeting may go on.
import {
  absentMembers,
  attendanceOf,
  holdsSitting,
  recusedMembers,
  roundStatusOf,
  roundTally,
  votingMembers,
  yetToVote,
} from './award-sitting.ts'
import { hasText } from './checks.ts'
import { firstRefusal, malformed, type Refusal, unless, type Verdict } from './refusal.ts'
import { awardQuorumOf } from './rule-pack.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf, GuardSpec } from './tender.event-guard.ts'
import type { RoundTally } from './tender.events.ts'
import {
  ATTENDANCE_SOURCE,
  COMMITTEE_SOURCE,
  dossiersNotFrozen,
  roundNotOpen,
  SITTING_SOURCE,
} from './tender-award.guards.ts'

/** A tender published under a pack without a quorum: its meeting has no sitting (the old procedure). */
function noSitting(): Refusal {
  return {
    code: 'sitting_not_declared',
    message:
      "this tender's rule pack was frozen before award meetings had check-ins and a quorum: its " +
      'members vote on the frozen dossiers without them',
    rule: 'awardQuorum',
    limit: 'none declared',
    source: 'state-machines/rule-pack.ts: awardQuorum (absent in packs frozen before it)',
  }
}

function committeeNotFormed(): Refusal {
  return {
    code: 'committee_not_formed',
    message: 'the award committee is not formed yet',
    rule: 'committeeFirst',
    limit: 'FORM_AWARD_COMMITTEE',
    source: COMMITTEE_SOURCE,
  }
}

function sittingOf(context: TenderContext): Verdict {
  if (!holdsSitting(context)) return noSitting()
  return context.awardCommittee.length === 0 ? committeeNotFormed() : null
}

function attendanceConflict(code: string, message: string, field = 'memberId'): Refusal {
  return { code, message, rule: 'oneAttendance', limit: 1, source: ATTENDANCE_SOURCE, field, conflict: true }
}

/** A drawn member, not yet checked in nor recused (a recusal is final; a check-in is made once). */
function checkInSender(context: TenderContext, event: EventOf<'CHECK_IN'>): Verdict {
  if (!context.awardCommittee.includes(event.memberId)) return malformed('memberId', 'a committee member')
  const status = attendanceOf(context, event.memberId)?.status
  if (status === 'recused') return attendanceConflict('already_recused', 'you have recused yourself (回避)')
  return unless(status === undefined, () =>
    attendanceConflict('already_checked_in', 'you have already checked in (签到)'),
  )
}

function canCheckInNow(context: TenderContext): Verdict {
  return (
    sittingOf(context) ??
    unless(absentMembers(context).length > 0, () =>
      attendanceConflict('attendance_complete', 'every drawn member has checked in or recused', 'type'),
    )
  )
}

export const checkInGuard: GuardSpec<'CHECK_IN'> = {
  sender: checkInSender,
  available: canCheckInNow,
  check: (_context, event) =>
    unless(hasText(event.statement), () => malformed('statement', 'the declaration of no conflict')),
}

function recuseSender(context: TenderContext, event: EventOf<'RECUSE'>): Verdict {
  if (!context.awardCommittee.includes(event.memberId)) return malformed('memberId', 'a committee member')
  return unless(attendanceOf(context, event.memberId)?.status !== 'recused', () =>
    attendanceConflict('already_recused', 'you have already recused yourself (回避)'),
  )
}

/** Between rounds only: a round's voting members stay those it opened with. */
function canRecuseNow(context: TenderContext): Verdict {
  const sitting = sittingOf(context)
  if (sitting !== null) return sitting
  if (context.roundStatus === 'open') {
    return {
      code: 'round_open',
      message: `round ${context.round} is open: a recusal is declared before the chair opens a round or after it closes`,
      rule: 'recusalBetweenRounds',
      limit: 'CLOSE_ROUND',
      source: ATTENDANCE_SOURCE,
      conflict: true,
    }
  }
  return unless(recusedMembers(context).length < context.awardCommittee.length, () =>
    attendanceConflict('attendance_complete', 'every drawn member has recused', 'type'),
  )
}

export const recuseGuard: GuardSpec<'RECUSE'> = {
  sender: recuseSender,
  available: canRecuseNow,
  check: (_context, event) =>
    unless(hasText(event.reason), () => malformed('reason', 'the reason for the recusal')),
}

/**
 * The quorum (REGULATIONS §5.1, the pack's awardQuorum): every drawn member checked in or recused (an
 * absence waits for a replacement draw), the chair not recused, and at least `value` checked in.
 */
export function quorumRefusal(context: TenderContext): Verdict {
  const quorum = awardQuorumOf(context.rulePack)
  if (quorum === null) return noSitting()
  const absent = absentMembers(context)
  const recused = recusedMembers(context)
  const present = votingMembers(context).length
  const refuse = (code: string, message: string): Refusal => ({
    code,
    message,
    rule: 'awardQuorum',
    limit: quorum.value,
    source: quorum.source,
    details: { absent, recused, checkedIn: present },
  })
  if (absent.length > 0) {
    return refuse('quorum_not_met', `${absent.length} drawn member(s) have neither checked in nor recused`)
  }
  if (context.awardChairId !== null && recused.includes(context.awardChairId)) {
    return refuse('chair_recused', 'the chair has recused: the meeting waits for a new chair to be named')
  }
  return unless(present >= quorum.value, () =>
    refuse('quorum_not_met', `${present} member(s) checked in to vote; the quorum is ${quorum.value}`),
  )
}

function chairSends(context: TenderContext, event: { chairId: string }): Verdict {
  return unless(event.chairId === context.awardChairId, () => ({
    code: 'not_the_chair',
    message: 'only the chair (组长) of the award committee opens and closes its rounds',
    rule: 'chairRunsRounds',
    limit: context.awardChairId ?? 'the chair',
    source: SITTING_SOURCE,
    field: 'chairId',
  }))
}

function isCurrentRound(context: TenderContext, event: { round: number }): Verdict {
  return unless(event.round === context.round, () => ({
    code: 'not_the_current_round',
    message: `the meeting is at round ${context.round}, not round ${event.round}`,
    rule: 'currentRound',
    limit: context.round,
    source: SITTING_SOURCE,
    field: 'round',
    conflict: true,
  }))
}

function canOpenRoundNow(context: TenderContext): Verdict {
  const sitting = sittingOf(context)
  if (sitting !== null) return sitting
  if (context.dossierHash === null) return dossiersNotFrozen()
  const status = context.roundStatus
  if (status !== 'pending') {
    return {
      code: status === 'open' ? 'round_already_open' : 'round_closed',
      message:
        status === 'open'
          ? `round ${context.round} is already open`
          : `round ${context.round} is closed: a re-vote (START_REVOTE) or the decision follows`,
      rule: 'openRound',
      limit: status === 'open' ? 'CLOSE_ROUND' : 'START_REVOTE',
      source: SITTING_SOURCE,
      details: { round: context.round, roundStatus: status },
      conflict: true,
    }
  }
  return quorumRefusal(context)
}

export const openRoundGuard: GuardSpec<'OPEN_ROUND'> = {
  sender: chairSends,
  available: canOpenRoundNow,
  check: isCurrentRound,
}

function canCloseRoundNow(context: TenderContext): Verdict {
  const sitting = sittingOf(context)
  if (sitting !== null) return sitting
  if (roundStatusOf(context) !== 'open') return roundNotOpen(context)
  const waitingFor = yetToVote(context)
  return unless(waitingFor.length === 0, () => ({
    code: 'ballots_outstanding',
    message: `round ${context.round} waits for ${waitingFor.length} more ballot(s) before the chair closes it`,
    rule: 'everyMemberVotes',
    limit: votingMembers(context).length,
    source: SITTING_SOURCE,
    details: { round: context.round, waitingFor },
  }))
}

const sameTally = (a: readonly RoundTally[], b: readonly RoundTally[]) =>
  a.length === b.length && a.every((row, i) => row.bidId === b[i]?.bidId && row.votes === b[i]?.votes)

/** The tally CLOSE_ROUND reveals is the count of the round's ballots, candidate by candidate. */
function closesWithItsTally(context: TenderContext, event: EventOf<'CLOSE_ROUND'>): Verdict {
  return firstRefusal(
    () => isCurrentRound(context, event),
    () =>
      unless(Array.isArray(event.tally) && sameTally(event.tally, roundTally(context)), () =>
        malformed('tally', "the count of the round's ballots per candidate, in the round's order"),
      ),
  )
}

export const closeRoundGuard: GuardSpec<'CLOSE_ROUND'> = {
  sender: chairSends,
  available: canCloseRoundNow,
  check: closesWithItsTally,
}
