// CLOSE_BIDDING (投标截止): commit to the exact set of live bids. The pipeline holds the tender FOR
// UPDATE, so every bid command still holding it FOR SHARE has committed before the set is read.
import type { Actor } from '../auth/actor.ts'
import { RuleViolation } from '../shared/errors.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { type CommandDeps, executeTenderCommand } from '../tenders/tender-command.ts'
import { listLiveBids } from './bid-repository.ts'
import { bidSetHash } from './bid-set-hash.ts'

export function closeBidding(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch: number | undefined) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizePurchaserOrOperator,
    decide: async ({ trx, tender, snapshot, at }) => {
      const { deadline } = snapshot.context
      // Say which rule refuses, rather than only that the machine did.
      if (tender.state === 'bidding' && deadline !== null && at.getTime() < Date.parse(deadline)) {
        throw new RuleViolation(
          `bidding closes at the deadline ${deadline}, not before`,
          { deadline, serverTime: at.toISOString() },
          'deadline_not_reached',
        )
      }
      const live = await listLiveBids(trx, tender.id)
      return {
        type: 'CLOSE_BIDDING',
        bidCount: live.length,
        bidSetHash: bidSetHash(live.map((bid) => bid.ciphertextSha256)),
      }
    },
  })
}
