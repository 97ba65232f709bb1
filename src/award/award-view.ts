// GET tenders/{id}/award: the award meeting as its readers see it: committee and attendance, the quorum,
// every round of the current vote (who voted, never what, until the chair closes it), what the meeting
// needs next and from whom, what the machine would take now, and the reader's own part ("me"). The
// committee's draw proof comes from the FORM_AWARD_COMMITTEE event, the decision's reasons from the DECIDE
// event, and the award report (定标报告) from the signed records.
import { attendanceOf, roundStatusOf, votingMembers } from '../../state-machines/award-sitting.ts'
import { allowedEvents } from '../../state-machines/tender.allowed-events.ts'
import type { Actor } from '../auth/actor.ts'
import type { StoredEvent } from '../events/event-store.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { drawOf } from '../records/inputs/input-parts.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { machineSnapshotOf, type TenderSnapshot } from '../tenders/tender-snapshot.ts'
import { attendanceView, quorumView } from './attendance-view.ts'
import { type AwardPart, awardPartOf } from './award-access.ts'
import { awardActions } from './award-actions.ts'
import { displayNames } from './award-directory.ts'
import { eventsUpToVersion, lastEventOf, stampedAt } from './award-events.ts'
import { nextAwardStep } from './award-next-step.ts'
import { awardReportOf } from './award-report-record.ts'
import { receiptsOf, roundsOfCurrentVote } from './ballots.ts'
import { NO_CONFLICT_STATEMENT } from './sitting-commands.ts'

/** The reader's own standing: a member's attendance, ballot this round and receipts; what they may do. */
function myPart(
  snapshot: TenderSnapshot,
  events: readonly StoredEvent[],
  actor: Actor,
  part: AwardPart,
  at: string,
) {
  const { context } = snapshot
  const onCommittee = part === 'chair' || part === 'member'
  const receipts = onCommittee ? receiptsOf(context, events, actor.userId) : []
  const voter = onCommittee && votingMembers(context).includes(actor.userId)
  return {
    userId: actor.userId,
    part,
    attendance: onCommittee ? (attendanceOf(context, actor.userId)?.status ?? 'absent') : null,
    votedThisRound: voter ? receipts.some((r) => r.round === context.round) : null,
    receipts,
    actions: awardActions(snapshot, part, actor.userId, at),
  }
}

export async function readAwardMeeting(deps: CommandDeps, actor: Actor, tenderId: string) {
  const tender = await findTender(deps.db, tenderId)
  const part = awardPartOf(tender, actor)
  const snapshot = machineSnapshotOf(tender)
  const { context } = snapshot
  const at = deps.clock.now().toISOString()
  const events = await eventsUpToVersion(deps.db, tender)
  const names = await displayNames(deps.db, context.awardCommittee)
  const formed = lastEventOf(events, 'FORM_AWARD_COMMITTEE')
  const frozen = lastEventOf(events, 'FREEZE_DOSSIERS')
  const decision = context.winnerBidId === null ? undefined : lastEventOf(events, 'DECIDE')
  return {
    tenderId: tender.id,
    state: tender.state,
    version: tender.version,
    awardMethod: context.awardMethod,
    awardFactors: [...context.awardFactors],
    committee: {
      chairId: context.awardChairId,
      members: context.awardCommittee.map((userId) => ({
        userId,
        displayName: names.get(userId) ?? null,
        chair: userId === context.awardChairId,
      })),
    },
    /** The draw anyone can re-run (DESIGN §6): pool, commitment, secret, seed and the stream head. */
    draw: drawOf(formed),
    checkInStatement: NO_CONFLICT_STATEMENT,
    attendance: attendanceView(context, events, names),
    quorum: quorumView(context),
    dossierHash: context.dossierHash,
    dossiersFrozenAt: frozen ? stampedAt(frozen) : null,
    candidates: [...context.candidates],
    declinedBidIds: [...context.declinedBidIds],
    round: context.round,
    roundStatus: roundStatusOf(context),
    activeCandidates: [...context.activeCandidates],
    rounds: roundsOfCurrentVote({ state: tender.state, context }, events),
    next: nextAwardStep(tender.state, context),
    allowedEvents: allowedEvents(snapshot, at),
    me: myPart(snapshot, events, actor, part, at),
    winnerBidId: context.winnerBidId,
    decidedAt: context.decidedAt,
    decidedBy: typeof decision?.data.by === 'string' ? decision.data.by : null,
    decisionReasons: typeof decision?.data.reasons === 'string' ? decision.data.reasons : null,
    awardReport: await awardReportOf(deps.db, tender, actor, decision),
    publicityEndsAt: context.publicityEndsAt,
    noticeId: context.noticeId,
    noticeIssuedAt: context.noticeIssuedAt,
    contractDueAt: context.contractDueAt,
    contractRef: context.contractRef,
    contractSignedLate: context.contractSignedLate,
  }
}
