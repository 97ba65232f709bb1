// Withdraw (撤回) a bid before the deadline: only the bidding organisation, only a live bid; the
// bidder gets a 'withdrawn' receipt in the same transaction.
import type { Transaction } from 'kysely'
import { type Actor, actorMeta, requireRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { NotFound } from '../shared/errors.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { lockTender } from '../tenders/tender-repository.ts'
import { applyBidEvent } from './bid-command.ts'
import { issueReceipts } from './bid-receipts.ts'
import { lockBid } from './bid-repository.ts'
import { biddingWindowOf } from './bid-window.ts'
import { type CommandResponse, type IdempotentRequest, runIdempotent } from './idempotency.ts'
import type { SubmissionDeps } from './submission-deps.ts'
import type { SubmittedBid } from './submission-record.ts'

async function recordWithdrawal(
  trx: Transaction<Database>,
  deps: SubmissionDeps,
  actor: Actor,
  tenderId: string,
  bidId: string,
): Promise<CommandResponse> {
  // Whose bid it is comes before anything else is said about it (the window included): another
  // organisation's bid reads as absent, exactly as a missing one, since its existence is sealed too.
  const tender = await lockTender(trx, tenderId, 'share')
  assertVisible(tender, actor)
  const bid = await lockBid(trx, tenderId, bidId)
  if (bid.bidderOrgId !== actor.orgId) throw new NotFound(`bid ${bidId} does not exist on tender ${tenderId}`)
  const { at, deadline } = biddingWindowOf(tender, actor, deps.clock)
  const { snapshot } = await applyBidEvent(trx, bid.id, { type: 'WITHDRAW', deadline }, at, actorMeta(actor))
  const [receipt] = await issueReceipts(trx, deps.keys, { tenderId, bidderOrgId: actor.orgId, at }, [
    { bidId: bid.id, action: 'withdrawn', ciphertextSha256: bid.ciphertextSha256 },
  ])
  const view: SubmittedBid = {
    id: bid.id,
    tenderId,
    state: snapshot.value,
    submittedAt: bid.submittedAt.toISOString(),
    mode: bid.mode,
    ciphertextSha256: bid.ciphertextSha256,
  }
  return { statusCode: 200, body: { bid: view, receipt } }
}

export async function withdrawBid(
  deps: SubmissionDeps,
  actor: Actor,
  tenderId: string,
  bidId: string,
  idempotency: IdempotentRequest | null,
) {
  requireRole(actor, 'bidder')
  return runIdempotent(deps, idempotency, (trx) => recordWithdrawal(trx, deps, actor, tenderId, bidId))
}
