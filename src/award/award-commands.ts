// The purchaser's award commands after the vote: re-vote a tie, record the decision (定标), issue the
// award notice (中标通知书), record a winner who declines, and the signed contract.
import { awardMethodRules } from '../../state-machines/award-methods/registry.ts'
import { awardMeeting } from '../../state-machines/tender-award.guards.ts'
import type { Actor } from '../auth/actor.ts'
import { RuleViolation } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import {
  type CommandDeps,
  executeTenderCommand,
  recordTenderEvent,
  type TenderSnapshot,
} from '../tenders/tender-command.ts'
import { assertStateAccepts } from './award-access.ts'

function methodRulesOf(snapshot: TenderSnapshot) {
  const method = snapshot.context.awardMethod
  if (method === null) throw new RuleViolation('the tender has no award method', {}, 'no_award_method')
  return awardMethodRules(method)
}

/** START_REVOTE: only when the round is complete and tied (the method names the tied candidates). */
export function startRevote(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch?: number) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: ({ snapshot, at }) => {
      assertStateAccepts(snapshot, 'START_REVOTE', at)
      if (methodRulesOf(snapshot).revoteCandidates(awardMeeting(snapshot.context)) === null) {
        throw new RuleViolation(
          `round ${snapshot.context.round} is not a completed tie that may be voted again`,
          { round: snapshot.context.round, maxRevotes: snapshot.context.rulePack?.maxRevotes ?? 0 },
          'no_tie_to_revote',
        )
      }
      return { type: 'START_REVOTE' }
    },
  })
}

/** DECIDE records the committee's result; the machine re-checks it against the ballots. */
export function recordDecision(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  winnerBidId: string,
  reasons: string,
  ifMatch?: number,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: ({ snapshot, at }) => {
      assertStateAccepts(snapshot, 'DECIDE', at)
      const meeting = awardMeeting(snapshot.context)
      if (!methodRulesOf(snapshot).designates(meeting, winnerBidId)) {
        throw new RuleViolation(
          `the committee's vote in round ${meeting.round} does not designate ${winnerBidId} as the winner`,
          { round: meeting.round },
          'winner_not_designated',
        )
      }
      return { type: 'DECIDE', winnerBidId, reasons }
    },
  })
}

export function issueAwardNotice(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch?: number) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: () => ({ type: 'ISSUE_AWARD_NOTICE', noticeId: newId('ntc') }),
    project: async ({ next }) => ({
      noticeId: next.context.noticeId,
      contractDueAt: next.context.contractDueAt,
    }),
  })
}

export const recordWinnerDeclined = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  reason: string,
  ifMatch?: number,
) =>
  recordTenderEvent(
    deps,
    actor,
    tenderId,
    authorizeOwnPurchaser,
    { type: 'WINNER_DECLINED', reason },
    ifMatch,
  )

export const recordContract = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  contractRef: string,
  ifMatch?: number,
) =>
  recordTenderEvent(
    deps,
    actor,
    tenderId,
    authorizeOwnPurchaser,
    { type: 'CONTRACT_SIGNED', contractRef },
    ifMatch,
  )
