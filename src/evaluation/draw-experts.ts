// DRAW_EXPERTS: the verifiable random draw of the evaluation committee (条例 Art 46; DESIGN §6).

import { randomBytes } from 'node:crypto'
import type { Actor } from '../auth/actor.ts'
import { performDraw } from '../draws/verifiable-draw.ts'
import { streamHeadHash } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { RuleViolation } from '../shared/errors.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { type CommandDeps, executeTenderCommand } from '../tenders/tender-command.ts'
import { assertAccepts, assertNoCommitteeYet, committeeSize } from './evaluation-rules.ts'
import { expertPool } from './expert-pool.ts'

/** What the draw route answers with: enough to re-run the draw with verifyDraw. */
export interface DrawOutcome {
  readonly members: readonly string[]
  readonly streamHeadHash: string
}

/**
 * Draws `size` experts (default: the pack's minimum) from every user with the expert role. The seed is
 * SHA-256(secret ‖ stream head), so anyone can re-run it from the event and the event before it.
 * The secret is committed and revealed in this one event for now: a commit-before-reveal (the
 * commitment recorded in an earlier event, before the pool is known) comes with the evaluation issue.
 */
export function drawExpertCommittee(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  size: number | undefined,
  ifMatch: number | undefined,
) {
  return executeTenderCommand<DrawOutcome>(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizePurchaserOrOperator,
    decide: async ({ trx, snapshot, at }) => {
      const context = assertAccepts(snapshot, 'DRAW_EXPERTS', at)
      assertNoCommitteeYet(context)
      if (context.rulePack === null) throw new RuleViolation('the tender has no rule pack')
      const count = committeeSize(context.rulePack, size)
      const pool = await expertPool(trx)
      if (pool.length < count) {
        throw new RuleViolation(
          `the expert pool holds ${pool.length} eligible experts, fewer than the ${count} to draw`,
          { poolSize: pool.length, size: count },
          'pool_too_small',
        )
      }
      const secret = randomBytes(32).toString('hex')
      const { selected, ...draw } = performDraw(
        pool,
        count,
        secret,
        await streamHeadHash(trx, tenderStreamId(tenderId)),
      )
      return { type: 'DRAW_EXPERTS', members: selected, draw }
    },
    project: async ({ event }) => ({
      members: (event.data as { members: string[] }).members,
      streamHeadHash: event.prevHash,
    }),
  })
}
