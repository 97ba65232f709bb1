// The credit check the bid submission path runs before accepting a bid: the tender's policy at its
// cut-off. Whatever the outcome a snapshot is kept: a refusal's is stored at once as its evidence (422
// credit_refused, or 503 when the policy refuses an incomplete check); an accepted bid's is stored with
// the bid, in the same statement, and named by its BID_SUBMITTED event. Outside any transaction: a
// remote source may be slow.
import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { CreditRefused, CreditUnavailable } from './credit-errors.ts'
import { creditCutoff } from './credit-policy.ts'
import type { CreditSnapshot } from './credit-snapshot.ts'
import { insertSnapshots } from './snapshot-repository.ts'
import { type CreditDeps, takeSnapshot } from './take-snapshot.ts'

/**
 * The bidder's snapshot under the tender's policy, not yet stored. `deadline`: the tender's deadline as
 * the submission path holds it (the cut-off when the policy says so).
 */
export async function assessBidderCredit(
  deps: CreditDeps,
  actor: Actor,
  tenderId: string,
  deadline: string | null,
): Promise<CreditSnapshot> {
  const [terms, uscc] = await Promise.all([
    deps.credit.tenderCreditTerms(tenderId),
    deps.credit.organisationUscc(actor.orgId),
  ])
  const cutoffAt = creditCutoff(terms.policy, deadline, deps.clock.now().toISOString())
  const request = {
    purpose: 'bid_submission' as const,
    tenderId,
    bidId: null,
    requestedBy: actor.userId,
    requesterOrgId: actor.orgId,
    requestId: actor.requestId,
  }
  return takeSnapshot(deps, uscc, request, terms.policy, cutoffAt)
}

/** Whether the snapshot's verdict refuses the bid (a ban, or an incomplete check the policy refuses). */
export const creditBlocks = (snapshot: CreditSnapshot): boolean => snapshot.verdict?.blocks === true

/** Stores a blocking snapshot as the refusal's evidence and throws the refusal (422 or 503). */
export async function refuseForCredit(db: Kysely<Database>, snapshot: CreditSnapshot): Promise<never> {
  const verdict = snapshot.verdict
  if (!verdict?.blocks) throw new Error(`credit snapshot ${snapshot.id} does not refuse the bid`)
  await insertSnapshots(db, [snapshot])
  if (verdict.outcome === 'refuse') throw new CreditRefused(verdict, snapshot.id)
  throw new CreditUnavailable(verdict, snapshot.id)
}
