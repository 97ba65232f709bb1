// CLOSE_BIDDING (投标截止): commit to the exact set of live bids. The pipeline holds the tender FOR
// UPDATE, so every bid command still holding it FOR SHARE has committed before the set is read.
import type { Actor } from '../auth/actor.ts'
import { assertAvailable } from '../pipeline/early-refusal.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { listLiveBids } from '../submission/bid-repository.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { bidSetHash } from './bid-set-hash.ts'

export function closeBidding(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch: number | undefined) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizePurchaserOrOperator,
    decide: async ({ trx, tender, snapshot, at }) => {
      // Not before the deadline, nor while held: the machine's rules, asked before the bids are read.
      assertAvailable(snapshot, 'CLOSE_BIDDING', at)
      const live = await listLiveBids(trx, tender.id)
      return {
        type: 'CLOSE_BIDDING',
        bidCount: live.length,
        bidSetHash: bidSetHash(live.map((bid) => bid.ciphertextSha256)),
      }
    },
  })
}
