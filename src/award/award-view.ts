// GET tenders/{id}/award: the award meeting as its readers see it. Ballots stay secret per round
// until the round is complete (ballots.ts); the decision's reasons come from the DECIDE event; `next`
// says what the meeting needs now and which rule decides it.
import type { Actor } from '../auth/actor.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { authorizeAwardReader } from './award-access.ts'
import { displayNames } from './award-directory.ts'
import { eventsUpToVersion, lastEventOf, stampedAt } from './award-events.ts'
import { nextAwardStep } from './award-next-step.ts'
import { roundsOfCurrentVote } from './ballots.ts'

export async function readAwardMeeting(deps: CommandDeps, actor: Actor, tenderId: string) {
  const tender = await findTender(deps.db, tenderId)
  authorizeAwardReader(tender, actor)
  const { context } = tender
  const events = await eventsUpToVersion(deps.db, tender)
  const names = await displayNames(deps.db, context.awardCommittee)
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
    dossierHash: context.dossierHash,
    dossiersFrozenAt: frozen ? stampedAt(frozen) : null,
    candidates: [...context.candidates],
    declinedBidIds: [...context.declinedBidIds],
    round: context.round,
    activeCandidates: [...context.activeCandidates],
    rounds: roundsOfCurrentVote({ state: tender.state, context }, events),
    next: nextAwardStep(tender.state, context),
    winnerBidId: context.winnerBidId,
    decidedAt: context.decidedAt,
    decisionReasons: typeof decision?.data.reasons === 'string' ? decision.data.reasons : null,
    publicityEndsAt: context.publicityEndsAt,
    noticeId: context.noticeId,
    noticeIssuedAt: context.noticeIssuedAt,
    contractDueAt: context.contractDueAt,
    contractRef: context.contractRef,
    contractSignedLate: context.contractSignedLate,
  }
}
