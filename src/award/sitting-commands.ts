// The award meeting's sitting (定标会): a member checks in declaring no conflict of interest (签到) or
// recuses (回避); the chair (组长) opens and closes each round. The machine's sitting guards decide
// (quorum, who sends, the round); a refusal also names the meeting's next step in words.
import { roundTally } from '../../state-machines/award-sitting.ts'
import type { Actor } from '../auth/actor.ts'
import { assertMachineTakes } from '../pipeline/early-refusal.ts'
import {
  type CommandDeps,
  type DecideInput,
  executeTenderCommand,
  type ProposedEvent,
  type TenderCommand,
} from '../pipeline/tender-command.ts'
import { authorizeChair, authorizeCommitteeMember } from './award-access.ts'
import { nextAwardStep } from './award-next-step.ts'

/**
 * The declaration a member makes at check-in unless they word their own: no conflict of interest with
 * any candidate (REGULATIONS §5.1 exclusions). The event records the text the member declared.
 */
export const NO_CONFLICT_STATEMENT =
  '本人承诺：与本项目各定标候选人及其法定代表人、项目负责人均不存在利害关系，不存在其他可能影响公正定标的情形；' +
  '如有，本人主动申请回避。I declare no conflict of interest with any candidate of this tender.'

/** A sitting command: the event as `build` makes it, refused early with the round and the next step. */
export function sittingCommand(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
  authorize: TenderCommand<unknown>['authorize'],
  build: (input: DecideInput) => ProposedEvent,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize,
    decide: (input) => {
      const { snapshot, at } = input
      const event = build(input)
      const { context } = snapshot
      const next = nextAwardStep('awarding', context)
      assertMachineTakes(snapshot, { ...event, at: at.toISOString() }, { round: context.round, next })
      return event
    },
  })
}

export const checkIn = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  statement: string | undefined,
  ifMatch: number | undefined,
) =>
  sittingCommand(deps, actor, tenderId, ifMatch, authorizeCommitteeMember, () => ({
    type: 'CHECK_IN',
    memberId: actor.userId,
    statement: statement ?? NO_CONFLICT_STATEMENT,
  }))

export const recuse = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  reason: string,
  ifMatch: number | undefined,
) =>
  sittingCommand(deps, actor, tenderId, ifMatch, authorizeCommitteeMember, () => ({
    type: 'RECUSE',
    memberId: actor.userId,
    reason,
  }))

/** OPEN_ROUND for round `round` (the URL's): refused unless it is the current one, pending, with the quorum. */
export const openRound = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  round: number,
  ifMatch: number | undefined,
) =>
  sittingCommand(deps, actor, tenderId, ifMatch, authorizeChair, () => ({
    type: 'OPEN_ROUND',
    round,
    chairId: actor.userId,
  }))

/** CLOSE_ROUND reveals the round's tally, counted here from its ballots and checked by the machine. */
export const closeRound = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  round: number,
  ifMatch: number | undefined,
) =>
  sittingCommand(deps, actor, tenderId, ifMatch, authorizeChair, ({ snapshot }) => ({
    type: 'CLOSE_ROUND',
    round,
    chairId: actor.userId,
    tally: roundTally(snapshot.context),
  }))
