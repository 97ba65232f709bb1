// The award meeting as a sitting (定标会): who is present (签到) or recused (回避), who votes, and where the
// current round stands. Pure; the award guards, their updates and every read path ask these, so the
// attendance and round rules are stated once. Packs frozen before the sitting existed (no
// `awardQuorum`) keep the old procedure: the whole committee votes, a round opens with the frozen
// dossiers and closes with its last ballot.
import type { AwardRound } from './award-methods/award-method.ts'
import { membersYetToVote, tally } from './award-methods/simple-majority.ts'
import { awardQuorumOf, revoteLimit, tieBreakOf } from './rule-pack.ts'
import type { Attendance, RoundStatus, TenderContext } from './tender.context.ts'
import type { RoundTally } from './tender.events.ts'

/** Whether the tender's meeting is a sitting with check-ins and chair-run rounds (its pack has a quorum). */
export function holdsSitting(context: Pick<TenderContext, 'rulePack'>): boolean {
  return awardQuorumOf(context.rulePack) !== null
}

/** A member's check-in or recusal; null while absent. */
export function attendanceOf(
  context: Pick<TenderContext, 'attendance'>,
  memberId: string,
): Attendance | null {
  return context.attendance.find((entry) => entry.memberId === memberId) ?? null
}

const withStatus = (context: TenderContext, status: Attendance['status'] | null) =>
  context.awardCommittee.filter((memberId) => (attendanceOf(context, memberId)?.status ?? null) === status)

/** Drawn members who have neither checked in nor recused. */
export const absentMembers = (context: TenderContext): string[] => withStatus(context, null)

export const recusedMembers = (context: TenderContext): string[] => withStatus(context, 'recused')

/**
 * Who votes in the current round: the members checked in (a recused or absent member does not vote).
 * Replacement draws for recusals and absences come later (issue 15); until then the quorum decides.
 */
export function votingMembers(context: TenderContext): string[] {
  return holdsSitting(context) ? withStatus(context, 'checkedIn') : [...context.awardCommittee]
}

/** The award meeting as the award methods see it: the voting members and the ballots so far. */
export function awardMeeting(context: TenderContext): AwardRound {
  return {
    members: votingMembers(context),
    round: context.round,
    ballots: context.ballots,
    activeCandidates: context.activeCandidates,
    maxRevotes: revoteLimit(context.rulePack).value,
    tieBreak: tieBreakOf(context.rulePack)?.value ?? null,
    pricesFen: Object.fromEntries(context.openedBids.map((bid) => [bid.bidId, bid.priceFen])),
  }
}

/** Voting members without a ballot in the current round. */
export function yetToVote(context: TenderContext): string[] {
  return membersYetToVote(awardMeeting(context))
}

/** Where the current round stands; in an old-procedure meeting it follows the dossiers and ballots. */
export function roundStatusOf(context: TenderContext): RoundStatus {
  if (holdsSitting(context)) return context.roundStatus
  if (context.dossierHash === null || context.round < 1) return 'pending'
  return yetToVote(context).length === 0 ? 'closed' : 'open'
}

/** Votes per candidate in the current round, in the round's candidate order: what CLOSE_ROUND reveals. */
export function roundTally(context: TenderContext): RoundTally[] {
  const counts = tally(awardMeeting(context))
  return context.activeCandidates.map((bidId) => ({ bidId, votes: counts.get(bidId) ?? 0 }))
}
