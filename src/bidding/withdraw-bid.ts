// Withdraw (撤回) a bid before the deadline: only the bidding organisation, only a live bid.
import { type Actor, actorMeta, requireRole } from '../auth/actor.ts'
import { NotFound } from '../shared/errors.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
import { applyBidEvent } from './bid-command.ts'
import { lockBid } from './bid-repository.ts'
import { lockBiddingWindow } from './bid-window.ts'
import type { SubmittedBid } from './submit-bid.ts'

export async function withdrawBid(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  bidId: string,
): Promise<SubmittedBid> {
  requireRole(actor, 'bidder')
  return deps.db.transaction().execute(async (trx) => {
    const { at, deadline } = await lockBiddingWindow(trx, tenderId, actor, deps.clock)
    const bid = await lockBid(trx, tenderId, bidId)
    // Another organisation's bid reads as absent: its existence is sealed too.
    if (bid.bidderOrgId !== actor.orgId)
      throw new NotFound(`bid ${bidId} does not exist on tender ${tenderId}`)
    const { snapshot } = await applyBidEvent(
      trx,
      bid.id,
      { type: 'WITHDRAW', deadline },
      at,
      actorMeta(actor),
    )
    return {
      id: bid.id,
      tenderId,
      state: snapshot.value,
      submittedAt: bid.submittedAt.toISOString(),
      contentHash: bid.contentHash,
    }
  })
}
