// "My meetings" (我的定标会): the tenders in awarding or result publicity where the signed-in user sits on
// the award committee (as its chair or a member), or that the user's organisation purchases, or, for a
// supervisor, every one. Each says where its meeting stands and what it needs next, never a ballot.
import { attendanceOf, roundStatusOf } from '../../state-machines/award-sitting.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'
import { type Actor, hasRole } from '../auth/actor.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import type { Tender } from '../tenders/tender.ts'
import { type AwardMeetingFilter, listAwardMeetings } from '../tenders/tender-repository.ts'
import { nextAwardStep } from './award-next-step.ts'

/** The states with a meeting to attend or to follow: the award itself, and its result's publicity. */
export const MEETING_STATES: readonly TenderState[] = ['awarding', 'resultPublicity']

export type MeetingPart = 'chair' | 'member' | 'purchaser' | 'supervisor'

/** Whose meetings the actor reads, or null when the actor has none (a bidder, an expert …). */
function filterFor(actor: Actor): Pick<AwardMeetingFilter, 'awardMemberId' | 'purchaserOrgId'> | null {
  if (hasRole(actor, 'supervisor')) return {}
  if (hasRole(actor, 'award_member')) return { awardMemberId: actor.userId }
  if (hasRole(actor, 'purchaser', 'agent')) return { purchaserOrgId: actor.orgId }
  return null
}

function meetingItem(tender: Tender, actor: Actor) {
  const { context } = tender
  const onCommittee = context.awardCommittee.includes(actor.userId)
  const part: MeetingPart = onCommittee
    ? context.awardChairId === actor.userId
      ? 'chair'
      : 'member'
    : hasRole(actor, 'supervisor')
      ? 'supervisor'
      : 'purchaser'
  const next = nextAwardStep(tender.state, context)
  return {
    tenderId: tender.id,
    reference: context.particulars.reference,
    title: context.particulars.title,
    state: tender.state,
    version: tender.version,
    part,
    round: context.round,
    roundStatus: roundStatusOf(context),
    attendance: onCommittee ? (attendanceOf(context, actor.userId)?.status ?? 'absent') : null,
    votedThisRound: onCommittee
      ? context.ballots.some((b) => b.round === context.round && b.memberId === actor.userId)
      : null,
    next: next === null ? null : { action: next.action, by: next.by, says: next.says },
    winnerBidId: context.winnerBidId,
    decidedAt: context.decidedAt,
    publicityEndsAt: context.publicityEndsAt,
    updatedAt: tender.updatedAt.toISOString(),
  }
}

export async function readMyMeetings(
  deps: Pick<CommandDeps, 'db'>,
  actor: Actor,
  page: { limit: number; offset: number },
) {
  const filter = filterFor(actor)
  if (filter === null) return { items: [] }
  const tenders = await listAwardMeetings(deps.db, { ...filter, states: MEETING_STATES, ...page })
  return { items: tenders.map((tender) => meetingItem(tender, actor)) }
}
