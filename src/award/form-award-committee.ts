// FORM_AWARD_COMMITTEE: draw the award committee (定标委员会) at random from the member pool, with a
// proof anyone can re-run (DESIGN §6), and name its chair.

import { randomBytes } from 'node:crypto'
import { fitsCommitteeRule } from '../../state-machines/checks.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { Actor } from '../auth/actor.ts'
import { performDraw } from '../draws/verifiable-draw.ts'
import { streamHeadHash } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { RuleViolation } from '../shared/errors.ts'
import { authorizeOwnPurchaser } from '../tenders/tender-access.ts'
import { type CommandDeps, executeTenderCommand } from '../tenders/tender-command.ts'
import { assertStateAccepts } from './award-access.ts'
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

/** The size asked for (default: the pack's minimum), checked against the pack's committee rule. */
function committeeSize(context: TenderContext, requested: number | undefined): number {
  const rule = context.rulePack?.awardCommittee
  if (!rule) throw new RuleViolation('the tender has no rule pack', {}, 'no_rule_pack')
  if (context.awardCommittee.length > 0) {
    throw new RuleViolation('the award committee is already formed', {}, 'committee_already_formed')
  }
  const size = requested ?? rule.minSize.value
  if (!fitsCommitteeRule(size, rule)) {
    const odd = rule.odd ? ', an odd number' : ''
    throw new RuleViolation(
      `the award committee needs at least ${rule.minSize.value} members${odd} (${rule.minSize.source})`,
      { minSize: rule.minSize.value, odd: rule.odd },
      'invalid_committee_size',
    )
  }
  return size
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
      assertStateAccepts(snapshot, 'FORM_AWARD_COMMITTEE', at)
      const size = committeeSize(snapshot.context, request.size)
      const pool = await eligibleAwardMembers(trx, tender.purchaser_org_id, snapshot.context)
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
      const chairId = request.chairId ?? selected[0]!
      if (!selected.includes(chairId)) {
        // The refused draw is not revealed: it is discarded with its secret.
        throw new RuleViolation('the chair must be one of the drawn members', {}, 'chair_not_on_committee')
      }
      return { type: 'FORM_AWARD_COMMITTEE', members: selected, chairId, draw }
    },
    project: async ({ next }) => ({
      members: next.context.awardCommittee,
      chairId: next.context.awardChairId!,
    }),
  })
}
