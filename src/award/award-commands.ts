// The purchaser's award commands after the vote: re-vote a tie, record the decision (定标), issue the
// award notice (中标通知书), record a winner who declines, and the signed contract.
import type { Actor } from '../auth/actor.ts'
import { assertMachineTakes } from '../pipeline/early-refusal.ts'
import {
  type CommandDeps,
  executeTenderCommand,
  type ProposedEvent,
  recordTenderEvent,
} from '../pipeline/tender-command.ts'
import { newId } from '../shared/ids.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { nextAwardStep } from './award-next-step.ts'

/**
 * A purchaser's command on the award meeting. The machine's award guards decide (a tie to re-vote, the
 * designated winner, a deadlock); a refusal also names the round and the meeting's next step in words.
 */
function meetingCommand(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
  event: Extract<ProposedEvent, { type: 'START_REVOTE' | 'DECIDE' | 'FAIL_AWARD' }>,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: ({ snapshot, at }) => {
      const { context } = snapshot
      const next = nextAwardStep('awarding', context)
      assertMachineTakes(snapshot, { ...event, at: at.toISOString() }, { round: context.round, next })
      return event
    },
  })
}

/** START_REVOTE: only when the round is complete and tied with re-votes left (the method names the tied). */
export const startRevote = (deps: CommandDeps, actor: Actor, tenderId: string, ifMatch: number | undefined) =>
  meetingCommand(deps, actor, tenderId, ifMatch, { type: 'START_REVOTE' })

/** DECIDE records the committee's result: exactly the winner the votes or the declared tie-break designate. */
export const recordDecision = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  winnerBidId: string,
  reasons: string,
  ifMatch: number | undefined,
) => meetingCommand(deps, actor, tenderId, ifMatch, { type: 'DECIDE', winnerBidId, reasons })

/** FAIL_AWARD (定标失败): only when the tie outlasted the re-votes and the declared tie-break. */
export const failTiedAward = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
) => meetingCommand(deps, actor, tenderId, ifMatch, { type: 'FAIL_AWARD' })

export function issueAwardNotice(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: () => ({ type: 'ISSUE_AWARD_NOTICE', noticeId: newId('ntc') }),
    project: async ({ next }) => ({ id: next.context.noticeId!, contractDueAt: next.context.contractDueAt }),
  })
}

export const recordWinnerDeclined = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  reason: string,
  ifMatch: number | undefined,
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
  ifMatch: number | undefined,
) =>
  recordTenderEvent(
    deps,
    actor,
    tenderId,
    authorizeOwnPurchaser,
    { type: 'CONTRACT_SIGNED', contractRef },
    ifMatch,
  )
