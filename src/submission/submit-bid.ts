// Submit (投标) or replace (修改) a sealed bid: one live bid per (tender, bidder); the previous live
// bid's stream gets REPLACE. Only the JWE is stored; receipts are issued in the same transaction.
import type { JWK } from 'jose'
import type { Transaction } from 'kysely'
import { type Actor, actorMeta, requireRole } from '../auth/actor.ts'
import type { CreditSnapshot } from '../credit/credit-snapshot.ts'
import { insertSnapshots } from '../credit/snapshot-repository.ts'
import { assessBidderCredit, creditBlocks, refuseForCredit } from '../credit/submission-credit.ts'
import type { Database } from '../db/schema.ts'
import { Conflict, RuleViolation } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { applyBidEvent, startBidStream } from './bid-command.ts'
import type { BidContent } from './bid-content.ts'
import { issueReceipts, type ReceiptSubject } from './bid-receipts.ts'
import { insertBid, lockLiveBidOf } from './bid-repository.ts'
import { lockBiddingWindow } from './bid-window.ts'
import { type CommandResponse, type IdempotentRequest, runIdempotent, storedAnswer } from './idempotency.ts'
import { ciphertextSha256, jweProblem, type SealedBid, sealPlaintext } from './sealed-bid.ts'
import type { SubmissionDeps } from './submission-deps.ts'
import { submissionRecord } from './submission-record.ts'
import { submitFast } from './submit-new-bid.ts'
import type { TenderBidTerms } from './tender-bid-terms.ts'

/** A JWE encrypted by the bidder (recommended), or a plaintext bid the server seals at once. */
export type BidSubmission = { readonly jwe: string } | { readonly bid: BidContent }

/** The tender's key and bid window; 404 for a hidden or unknown tender, 409 without a key. */
async function termsOf(deps: SubmissionDeps, actor: Actor, tenderId: string): Promise<TenderBidTerms> {
  const terms = await deps.fastPath.tenderBidTerms(tenderId)
  if (terms) return terms
  assertVisible(await findTender(deps.db, tenderId), actor) // a hidden or unknown tender: 404
  throw new Conflict('the tender has no encryption key, so it takes no sealed bids', {}, 'tender_key_missing')
}

/** Seals the submission before any transaction: nothing in clear goes further than this function. */
async function sealSubmission(tenderKey: JWK, submission: BidSubmission): Promise<SealedBid> {
  if ('bid' in submission) return sealPlaintext(submission.bid, tenderKey)
  const problem = jweProblem(submission.jwe, tenderKey)
  if (problem !== null) {
    throw new RuleViolation(
      `the bid is not a JWE to this tender's key: ${problem}`,
      { kid: tenderKey.kid },
      'invalid_jwe',
    )
  }
  const sealed: SealedBid = {
    jwe: submission.jwe,
    ciphertextSha256: ciphertextSha256(submission.jwe),
    mode: 'jwe',
  }
  return sealed
}

async function recordSubmission(
  trx: Transaction<Database>,
  deps: SubmissionDeps,
  actor: Actor,
  tenderId: string,
  sealed: SealedBid,
  creditSnapshot: CreditSnapshot,
): Promise<CommandResponse> {
  const { at, deadline } = await lockBiddingWindow(trx, tenderId, actor, deps.clock)
  await insertSnapshots(trx, [creditSnapshot])
  const bidId = newId('bid')
  const meta = actorMeta(actor)
  const previous = await lockLiveBidOf(trx, tenderId, actor.orgId)
  if (previous) await applyBidEvent(trx, previous.id, { type: 'REPLACE', deadline, byBidId: bidId }, at, meta)
  const { jwe, ciphertextSha256: hash, mode } = sealed
  await insertBid(trx, {
    id: bidId,
    tenderId,
    bidderOrgId: actor.orgId,
    mode,
    ciphertext: jwe,
    ciphertextSha256: hash,
    submittedAt: at,
  })
  const { input, bid } = submissionRecord({
    bidId,
    tenderId,
    bidderOrgId: actor.orgId,
    at,
    deadline,
    sealed,
    creditSnapshotId: creditSnapshot.id,
    replaces: previous?.id ?? null,
  })
  await startBidStream(trx, input, meta)
  const subjects: ReceiptSubject[] = [
    ...(previous
      ? [{ bidId: previous.id, action: 'replaced' as const, ciphertextSha256: previous.ciphertextSha256 }]
      : []),
    { bidId, action: 'submitted', ciphertextSha256: hash },
  ]
  const bidderUscc = await deps.credit.organisationUscc(actor.orgId)
  const context = { tenderId, bidderOrgId: actor.orgId, at, bidderUscc }
  const receipts = await issueReceipts(trx, deps.keys, context, subjects)
  return {
    statusCode: 201,
    body: { bid, receipt: receipts.at(-1), ...(previous ? { replacedReceipt: receipts[0] } : {}) },
  }
}

/** The submission's credit snapshot at a deadline (the cut-off may be the deadline, which can move). */
export type CreditAt = (deadline: string | null) => Promise<CreditSnapshot>

/** A retry of a request answered before a ban was recorded: it gets that answer, not the refusal. */
class AnsweredBefore extends Error {
  constructor(readonly answer: CommandResponse & { replayed: boolean }) {
    super('answered before')
  }
}

/**
 * Credit (DESIGN §7): the tender's policy at its cut-off gives the snapshot, or refuses (422/503), once
 * per deadline the submission is built with. Outside any transaction: a remote source may be slow.
 */
function creditCheck(
  deps: SubmissionDeps,
  actor: Actor,
  tenderId: string,
  idempotency: IdempotentRequest | null,
): CreditAt {
  const assessed = new Map<string | null, Promise<CreditSnapshot>>()
  const assess = async (deadline: string | null) => {
    const snapshot = await assessBidderCredit(deps, actor, tenderId, deadline)
    if (!creditBlocks(snapshot)) return snapshot
    // A ban recorded since must not refuse a bid that was accepted. (A retry the check lets through is
    // answered by the accepting statement.)
    const answered = await storedAnswer(deps, idempotency)
    if (answered) throw new AnsweredBefore(answered)
    return refuseForCredit(deps.db, snapshot)
  }
  return (deadline) => {
    const known = assessed.get(deadline)
    if (known) return known
    const snapshot = assess(deadline)
    assessed.set(deadline, snapshot)
    return snapshot
  }
}

export async function submitBid(
  deps: SubmissionDeps,
  actor: Actor,
  tenderId: string,
  submission: BidSubmission,
  idempotency: IdempotentRequest | null,
) {
  requireRole(actor, 'bidder')
  const terms = await termsOf(deps, actor, tenderId)
  const sealed = await sealSubmission(terms.tenderKey, submission)
  const creditAt = creditCheck(deps, actor, tenderId, idempotency)
  try {
    await creditAt(terms.window.deadline) // a refusal before anything else
    // One statement accepts the bid; anything unusual goes to the transactional path.
    const fast = await submitFast({ deps, actor, tenderId, sealed, idempotency, creditAt }, terms)
    if (fast !== 'transactional') return fast
    // The deadline as the fast path last saw it (a moved deadline moves the cut-off).
    const creditSnapshot = await creditAt(terms.window.deadline)
    return await runIdempotent(deps, idempotency, (trx) =>
      recordSubmission(trx, deps, actor, tenderId, sealed, creditSnapshot),
    )
  } catch (error) {
    if (error instanceof AnsweredBefore) return error.answer
    throw error
  }
}
