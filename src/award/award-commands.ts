// The purchaser's award commands after the vote: re-vote a tie, record the decision (定标), issue the
// award notice (中标通知书), record a winner who declines, and the signed contract.
import {
  designatedWinner,
  type MeetingOutcome,
  revoteCandidates,
} from '../../state-machines/award-methods/award-method.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import { meetingOutcome } from '../../state-machines/tender-award.guards.ts'
import type { Actor } from '../auth/actor.ts'
import { RuleViolation } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import {
  type CommandDeps,
  executeTenderCommand,
  type ProposedEvent,
  recordTenderEvent,
} from '../tenders/tender-command.ts'
import { assertStateAccepts } from './award-access.ts'
import { type CitedAwardRule, nextAwardStep, revoteRule } from './award-next-step.ts'

/** Why the award meeting refuses a purchaser's command; the refusal adds the round and the next step. */
interface MeetingRefusal {
  readonly message: string
  readonly code: string
  readonly rule?: CitedAwardRule
}

/** A purchaser's command on the award meeting, refused with the meeting's next step in plain words. */
function meetingCommand(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
  event: Extract<ProposedEvent, { type: 'START_REVOTE' | 'DECIDE' | 'FAIL_AWARD' }>,
  refusal: (context: TenderContext, outcome: MeetingOutcome) => MeetingRefusal | null,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: ({ snapshot, at }) => {
      assertStateAccepts(snapshot, event.type, at)
      const { context } = snapshot
      const refused = refusal(context, meetingOutcome(context))
      if (refused === null) return event
      const next = nextAwardStep('awarding', context)
      throw new RuleViolation(
        `${refused.message}; ${next?.says}`,
        { round: context.round, ...refused.rule, next },
        refused.code,
      )
    },
  })
}

/** START_REVOTE: only when the round is complete and tied with re-votes left (the method names the tied). */
export const startRevote = (deps: CommandDeps, actor: Actor, tenderId: string, ifMatch: number | undefined) =>
  meetingCommand(deps, actor, tenderId, ifMatch, { type: 'START_REVOTE' }, (context, outcome) => {
    if (revoteCandidates(outcome) !== null) return null
    const rule = revoteRule(context)
    const pastTheLimit =
      outcome.kind === 'deadlocked' || (outcome.kind === 'decided' && outcome.by !== 'votes')
    if (!pastTheLimit) {
      const message = `round ${context.round} is not a completed tie that may be voted again`
      return { message, code: 'no_tie_to_revote', rule }
    }
    const message = `no re-vote after round ${context.round}: the ${rule.limit} permitted re-votes are spent (maxRevotes: ${rule.source})`
    return { message, code: 'revotes_exhausted', rule }
  })

/** DECIDE records the committee's result: exactly the winner the votes or the declared tie-break designate. */
export const recordDecision = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  winnerBidId: string,
  reasons: string,
  ifMatch: number | undefined,
) =>
  meetingCommand(
    deps,
    actor,
    tenderId,
    ifMatch,
    { type: 'DECIDE', winnerBidId, reasons },
    (context, outcome) =>
      designatedWinner(outcome) === winnerBidId
        ? null
        : {
            message: `the award meeting in round ${context.round} does not designate ${winnerBidId} as the winner`,
            code: 'winner_not_designated',
          },
  )

/** FAIL_AWARD (定标失败): only when the tie outlasted the re-votes and the declared tie-break. */
export const failTiedAward = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
) =>
  meetingCommand(deps, actor, tenderId, ifMatch, { type: 'FAIL_AWARD' }, (_context, outcome) =>
    outcome.kind === 'deadlocked'
      ? null
      : {
          message: 'the award can still be decided, so it may not be declared failed',
          code: 'award_not_deadlocked',
        },
  )

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
