// Submit (投标) or replace (修改) a bid: one live bid per (tender, bidder); the previous live bid's
// stream gets REPLACE. Bid content stays in bids.content; events carry only its hash.
import { type Actor, actorMeta, requireRole } from '../auth/actor.ts'
import { newId } from '../shared/ids.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
import { applyBidEvent, startBidStream } from './bid-command.ts'
import { type BidContent, bidContentHash } from './bid-content.ts'
import { insertBid, lockLiveBidOf } from './bid-repository.ts'
import { lockBiddingWindow } from './bid-window.ts'

/**
 * What a bidder submits. Plaintext for now; the sealed-bid issue adds a JWE here (stored as the
 * content, hashed as the ciphertext), an idempotency key, and a signed receipt in SubmittedBid.
 */
export interface BidSubmission {
  readonly content: BidContent
}

export interface SubmittedBid {
  readonly id: string
  readonly tenderId: string
  readonly state: string
  readonly submittedAt: string
  readonly contentHash: string
  /** The bid this one replaced, if the bidder had a live one. */
  readonly replaces?: string
}

export async function submitBid(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  submission: BidSubmission,
): Promise<SubmittedBid> {
  requireRole(actor, 'bidder')
  const contentHash = bidContentHash(submission.content)
  return deps.db.transaction().execute(async (trx) => {
    const { at, deadline } = await lockBiddingWindow(trx, tenderId, actor, deps.clock)
    const bidId = newId('bid')
    const meta = actorMeta(actor)
    const previous = await lockLiveBidOf(trx, tenderId, actor.orgId)
    if (previous)
      await applyBidEvent(trx, previous.id, { type: 'REPLACE', deadline, byBidId: bidId }, at, meta)
    await insertBid(trx, {
      id: bidId,
      tenderId,
      bidderOrgId: actor.orgId,
      state: 'submitted',
      version: 1,
      content: submission.content,
      contentHash,
      priceFen: null, // known only at opening
      submittedAt: at,
      updatedAt: at,
    })
    const submittedAt = at.toISOString()
    await startBidStream(
      trx,
      { bidId, tenderId, bidderOrgId: actor.orgId, submittedAt, deadline, contentHash },
      meta,
    )
    return {
      id: bidId,
      tenderId,
      state: 'submitted',
      submittedAt,
      contentHash,
      ...(previous ? { replaces: previous.id } : {}),
    }
  })
}
