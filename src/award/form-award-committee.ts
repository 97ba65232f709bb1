// FORM_AWARD_COMMITTEE: draw the award committee (定标委员会) at random from the member pool, with a
// proof anyone can re-run (DESIGN §6), and name its chair.

import { randomBytes } from 'node:crypto'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Actor } from '../auth/actor.ts'
import { performDraw } from '../draws/verifiable-draw.ts'
import { streamHeadHash } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { assertAvailable } from '../pipeline/early-refusal.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { RuleViolation } from '../shared/errors.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { eligibleAwardMembers } from './award-member-pool.ts'

export interface FormCommitteeRequest {
  /** Committee size; defaults to the rule pack's minimum. */
  readonly size?: number | undefined
  /** Must be one of the drawn members; defaults to the first drawn. */
  readonly chairId?: string | undefined
  readonly ifMatch: number | undefined
}

export interface FormedCommittee {
  readonly members: readonly string[]
  readonly chairId: string
}

/** The size asked for, or the pack's minimum; the machine judges it (awardCommittee in the pack). */
function committeeSize(context: TenderContext, requested: number | undefined): number {
  return requested ?? context.rulePack?.awardCommittee.minSize.value ?? 0
}

export function formAwardCommittee(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  request: FormCommitteeRequest,
) {
  return executeTenderCommand<FormedCommittee>(deps, {
    tenderId,
    actor,
    ifMatch: request.ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: async ({ trx, tender, snapshot, at }) => {
      // No pool is read nor any draw made for a tender that could not take one now (formed, held …).
      assertAvailable(snapshot, 'FORM_AWARD_COMMITTEE', at)
      const size = committeeSize(snapshot.context, request.size)
      const pool = await eligibleAwardMembers(trx, tender.purchaserOrgId, snapshot.context)
      if (pool.length < size) {
        const detail = `the award-member pool has ${pool.length} eligible members, fewer than ${size}`
        throw new RuleViolation(detail, { poolSize: pool.length }, 'award_pool_too_small')
      }
      const secret = randomBytes(32).toString('hex')
      const { selected, ...draw } = performDraw(
        pool,
        size,
        secret,
        await streamHeadHash(trx, tenderStreamId(tender.id)),
      )
      // A chair off the committee is the machine's refusal; the refused draw is discarded with its secret.
      const chairId = request.chairId ?? selected[0]!
      return { type: 'FORM_AWARD_COMMITTEE', members: selected, chairId, draw }
    },
    project: async ({ next }) => ({
      members: next.context.awardCommittee,
      chairId: next.context.awardChairId!,
    }),
  })
}
