// The award commands after the vote: re-vote a tie, record the decision (定标) or a failed award (the
// chair's or the purchaser's), issue the award notice (中标通知书), record a winner who declines, and the
// signed contract (the purchaser's).
import type { Actor } from '../auth/actor.ts'
import {
  type CommandDeps,
  executeTenderCommand,
  type ProposedEvent,
  recordTenderEvent,
} from '../pipeline/tender-command.ts'
import { newId } from '../shared/ids.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { authorizeChairOrPurchaser, deciderOf } from './award-access.ts'
import { sittingCommand } from './sitting-commands.ts'

/**
 * The chair's or the purchaser's command that moves the meeting on; the event records in which capacity
 * (`by`). The machine's award guards decide (a tie to re-vote, the designated winner, a deadlock).
 */
function meetingCommand(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
  event: Extract<ProposedEvent, { type: 'START_REVOTE' | 'DECIDE' | 'FAIL_AWARD' }>,
) {
  return sittingCommand(deps, actor, tenderId, ifMatch, authorizeChairOrPurchaser, ({ tender }) => ({
    ...event,
    by: deciderOf(tender, actor),
  }))
}

/** START_REVOTE: only when the round is closed and tied with re-votes left; the chair then opens it. */
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
