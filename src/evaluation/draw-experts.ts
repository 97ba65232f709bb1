// DRAW_EXPERTS: the verifiable random draw of the evaluation committee (条例 Art 46; DESIGN §6).

import { randomBytes } from 'node:crypto'
import type { RulePack } from '../../state-machines/rule-pack.ts'
import type { Actor } from '../auth/actor.ts'
import { performDraw } from '../draws/verifiable-draw.ts'
import { streamHeadHash } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { assertAvailable } from '../pipeline/early-refusal.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { RuleViolation } from '../shared/errors.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { expertPool } from './expert-pool.ts'

/** The smallest committee the pack allows (法 Art 37: ≥5 and odd); the draw's size by default. */
function smallestCommittee(pack: RulePack | null): number {
  if (pack === null) return 0 // unreachable: DRAW_EXPERTS is available only with a pack
  const { minSize, odd } = pack.evaluationCommittee
  return odd && minSize.value % 2 === 0 ? minSize.value + 1 : minSize.value
}

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
      // No pool is read nor any draw made for a tender that could not take one now (held, drawn …).
      assertAvailable(snapshot, 'DRAW_EXPERTS', at)
      // Its size and its share of experts are the machine's rules (evaluationCommittee in the pack).
      const count = size ?? smallestCommittee(snapshot.context.rulePack)
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
