// The purchaser's and supervisor's commands on a tender as a whole. Each builds one machine event;
// the pipeline does the rest.

import type { AwardDeclaration } from '../../state-machines/award-methods/declaration.ts'
import { impliedDeclaration } from '../../state-machines/award-methods/implied-declaration.ts'
import type { AwardMethod, EvaluationMethod } from '../../state-machines/rule-pack.ts'
import type { TenderParticulars } from '../../state-machines/tender.events.ts'
import type { Actor } from '../auth/actor.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { createTenderKey } from '../keys/tender-keys.ts'
import { type CommandDeps, executeTenderCommand, recordTenderEvent } from '../pipeline/tender-command.ts'
import { DEFAULT_RULE_PACK_ID, getRulePack } from '../rules/rule-packs.ts'
import { InvalidInput } from '../shared/errors.ts'
import { authorizeOwnPurchaser, authorizeSupervisor } from '../tenders/tender-access.ts'

export const editTender = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  changes: Partial<TenderParticulars>,
  ifMatch: number | undefined,
) => recordTenderEvent(deps, actor, tenderId, authorizeOwnPurchaser, { type: 'EDIT', changes }, ifMatch)

export interface PublishRequest {
  readonly deadline: string
  readonly evaluationMethod: EvaluationMethod
  readonly awardMethod: AwardMethod
  readonly awardFactors: string[]
  readonly rulePackId?: string | undefined
  /** 定标办法; absent: the method's defaults and the pack's tie-break (award-methods/implied-declaration.ts). */
  readonly award?: AwardDeclaration | undefined
}

/** PUBLISH also makes the tender's encryption key pair (DESIGN §5), in the same transaction. */
export function publishTender(
  deps: CommandDeps & { readonly keys: Pick<PlatformKeys, 'kek'> },
  actor: Actor,
  tenderId: string,
  request: PublishRequest,
  ifMatch: number | undefined,
) {
  const rulePackId = request.rulePackId ?? DEFAULT_RULE_PACK_ID
  const rulePack = getRulePack(rulePackId)
  if (!rulePack) throw new InvalidInput(`unknown rule pack "${rulePackId}"`, {}, 'unknown_rule_pack')
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    // The bid period (minBidDays) and the award method are the machine's rules; it names the refusal.
    // The chain records the declaration the meeting will run, the implied one spelt out, so an auditor
    // reads it in the PUBLISH event and never has to know how it was implied.
    decide: () => {
      const award = request.award ?? impliedDeclaration(request.awardMethod, rulePack) ?? undefined
      return {
        type: 'PUBLISH',
        rulePack,
        deadline: new Date(request.deadline).toISOString(),
        evaluationMethod: request.evaluationMethod,
        awardMethod: request.awardMethod,
        awardFactors: request.awardFactors,
        ...(award === undefined ? {} : { award }),
      }
    },
    project: async ({ trx, tender, at }) => ({
      encryptionKey: await createTenderKey(trx, deps.keys.kek, tender.id, at),
    }),
  })
}

export const cancelTender = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  reason: string,
  ifMatch: number | undefined,
) => recordTenderEvent(deps, actor, tenderId, authorizeOwnPurchaser, { type: 'CANCEL', reason }, ifMatch)

export const extendDeadline = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  newDeadline: string,
  reason: string,
  ifMatch: number | undefined,
) =>
  recordTenderEvent(
    deps,
    actor,
    tenderId,
    authorizeOwnPurchaser,
    { type: 'EXTEND_DEADLINE', newDeadline: new Date(newDeadline).toISOString(), reason },
    ifMatch,
  )

export const suspendTender = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  reason: string,
  ifMatch: number | undefined,
) => recordTenderEvent(deps, actor, tenderId, authorizeSupervisor, { type: 'SUSPEND', reason }, ifMatch)

export const resumeTender = (
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  reason: string,
  ifMatch: number | undefined,
) => recordTenderEvent(deps, actor, tenderId, authorizeSupervisor, { type: 'RESUME', reason }, ifMatch)
