// The credit check the bid submission path runs before accepting a bid: the tender's policy at its
// cut-off, one snapshot stored whatever the outcome (a refusal's evidence too), and then refuse (422
// credit_refused), refuse for an incomplete check if the policy says so (503), or let the bid through
// with the snapshot id for its BID_SUBMITTED event. Outside any transaction: a remote source may be slow.
import type { Actor } from '../auth/actor.ts'
import { CreditRefused, CreditUnavailable } from './credit-errors.ts'
import type { CreditOutcome } from './credit-policy.ts'
import { creditCutoff } from './credit-policy.ts'
import { organisationUscc } from './organisation-uscc.ts'
import { insertSnapshots } from './snapshot-repository.ts'
import { type CreditDeps, takeSnapshot } from './take-snapshot.ts'
import { tenderCreditTerms } from './tender-credit-terms.ts'

export interface BidCreditCheck {
  /** Goes into the bid event's data as `creditSnapshotId`. */
  readonly creditSnapshotId: string
  /** clear, flag (shown to the committees) or unavailable (recorded, re-checked at opening). */
  readonly outcome: CreditOutcome
}

/** `deadline`: the tender's deadline as the submission path holds it (the cut-off when the policy says so). */
export async function checkBidderCredit(
  deps: CreditDeps,
  actor: Actor,
  tenderId: string,
  deadline: string | null,
): Promise<BidCreditCheck> {
  const [terms, uscc] = await Promise.all([
    tenderCreditTerms(deps.db, tenderId),
    organisationUscc(deps.db, actor.orgId),
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
  const snapshot = await takeSnapshot(deps, uscc, request, terms.policy, cutoffAt)
  await insertSnapshots(deps.db, [snapshot])
  const verdict = snapshot.verdict!
  if (verdict.blocks) {
    if (verdict.outcome === 'refuse') throw new CreditRefused(verdict, snapshot.id)
    throw new CreditUnavailable(verdict, snapshot.id)
  }
  return { creditSnapshotId: snapshot.id, outcome: verdict.outcome }
}
