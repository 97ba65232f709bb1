// The fast path of bid submission: one statement (accept-bids.ts, batched with the bids arriving
// meanwhile) accepts a new bid or replaces the live one, with everything stamped, hashed and signed in
// Node first, and the bid window judged by its rule (state-machines/bid-window.ts) on the tender's facts
// as last seen: the statement takes the bid only if the tender is still at the version judged. Says
// 'transactional' when the transactional path must decide instead (anything unusual, any refusal).

import { bidStateOf } from '../../state-machines/bid.machine.ts'
import { bidWindowRefusal } from '../../state-machines/bid-window.ts'
import { type Actor, actorMeta } from '../auth/actor.ts'
import type { CreditSnapshot } from '../credit/credit-snapshot.ts'
import { readStream } from '../events/event-store.ts'
import { bidStreamId } from '../events/stream-ids.ts'
import { issueBidReceipt, type ReceiptAction } from '../receipts/bid-receipt.ts'
import { Conflict } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { type BidWindowFacts, readBidWindow } from '../tenders/tender-context-repository.ts'
import type { AcceptanceOutcome, NewBidAcceptance } from './accept-bids.ts'
import { bidSubmittedEvent, planBidEvent } from './bid-command.ts'
import { assertBiddingOpen } from './bid-window.ts'
import {
  type CommandResponse,
  type IdempotentRequest,
  replay,
  replayWinner,
  wrappedRequestSha256,
} from './idempotency.ts'
import type { ReplacementPlan } from './replacement-hints.ts'
import type { SealedBid } from './sealed-bid.ts'
import type { SubmissionDeps } from './submission-deps.ts'
import { submissionRecord } from './submission-record.ts'
import type { CreditAt } from './submit-bid.ts'
import { seenWindow, type TenderBidTerms } from './tender-bid-terms.ts'

type Answer = CommandResponse & { replayed: boolean }
export type FastResult = Answer | 'transactional'

interface Attempt {
  readonly deps: SubmissionDeps
  readonly actor: Actor
  readonly tenderId: string
  readonly sealed: SealedBid
  readonly idempotency: IdempotentRequest | null
  /** The submission's credit snapshot at the deadline it is built with, named in BID_SUBMITTED. */
  readonly creditAt: CreditAt
}

type Receipted = { tenderId: string; bidId: string; action: ReceiptAction; ciphertextSha256: string }

async function sign(attempt: Attempt, subject: Receipted, receivedAt: string) {
  const bidderUscc = await attempt.deps.credit.organisationUscc(attempt.actor.orgId)
  return {
    id: newId('rcp'),
    jws: await issueBidReceipt(attempt.deps.keys, { ...subject, bidderUscc, receivedAt }),
  }
}

async function replacingOf(
  attempt: Attempt,
  plan: ReplacementPlan,
  deadline: string,
  byBidId: string,
  at: Date,
) {
  const meta = actorMeta(attempt.actor)
  const { next, version, event } = planBidEvent(
    plan.bidId,
    plan.events,
    { type: 'REPLACE', deadline, byBidId },
    at,
    meta,
  )
  const subject = { tenderId: attempt.tenderId, bidId: plan.bidId, action: 'replaced' as const }
  const receipt = await sign(
    attempt,
    { ...subject, ciphertextSha256: plan.ciphertextSha256 },
    at.toISOString(),
  )
  return {
    bidId: plan.bidId,
    version,
    state: bidStateOf(next),
    priceFen: next.context.priceFen,
    event,
    receipt,
  }
}

async function buildAcceptance(
  attempt: Attempt,
  window: { readonly version: number; readonly deadline: string },
  at: Date,
  plan: ReplacementPlan | null,
  creditSnapshot: CreditSnapshot,
) {
  const { deps, actor, tenderId, sealed, idempotency } = attempt
  const { deadline } = window
  const bidId = newId('bid')
  const submittedAt = at.toISOString()
  const hash = sealed.ciphertextSha256
  const receipt = await sign(
    attempt,
    { tenderId, bidId, action: 'submitted', ciphertextSha256: hash },
    submittedAt,
  )
  const replacing = plan && (await replacingOf(attempt, plan, deadline, bidId, at))
  const { input, bid } = submissionRecord({
    bidId,
    tenderId,
    bidderOrgId: actor.orgId,
    at,
    deadline,
    sealed,
    creditSnapshotId: creditSnapshot.id,
    replaces: plan?.bidId ?? null,
  })
  const body = { bid, receipt: receipt.jws, ...(replacing ? { replacedReceipt: replacing.receipt.jws } : {}) }
  const response: CommandResponse = { statusCode: 201, body }
  const acceptance: NewBidAcceptance = {
    tenderId,
    bidderOrgId: actor.orgId,
    tenderVersion: window.version,
    at: submittedAt,
    bidId,
    sealed,
    event: bidSubmittedEvent(input, actorMeta(actor)),
    receipt,
    creditSnapshot,
    idempotency: idempotency && {
      key: idempotency.key,
      route: idempotency.route,
      wrappedRequestSha256: wrappedRequestSha256(deps.keys.kek, idempotency),
      statusCode: response.statusCode,
      response: response.body,
    },
    replacing,
  }
  return { acceptance, response }
}

async function run(attempt: Attempt, acceptance: NewBidAcceptance): Promise<AcceptanceOutcome | Answer> {
  try {
    return await attempt.deps.fastPath.acceptance.accept(acceptance)
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error
    // A replacement claims its key without ON CONFLICT: a twin that committed first fails the statement.
    const { constraint, message } = error as { constraint?: string; message?: string }
    const keyTaken =
      constraint === 'idempotency_keys_pkey' || String(message).includes('idempotency_keys_pkey')
    if (attempt.idempotency && keyTaken) {
      return replayWinner(attempt.deps, attempt.idempotency)
    }
    throw new Conflict(
      'another bid of your organisation for this tender was submitted at the same moment; retry',
      {},
      'concurrent_bid',
    )
  }
}

/** What to do after a refusal: the answer, or the plan for the next try (undefined: transactional path). */
async function afterRefusal(attempt: Attempt, outcome: AcceptanceOutcome, at: Date, terms: TenderBidTerms) {
  const { deps, actor, idempotency } = attempt
  // The same order as the transactional path: a stored response first, then the window, then the rest.
  if (idempotency && outcome.prior)
    return { ...replay(deps.keys.kek, outcome.prior, idempotency), replayed: true }
  const tender = outcome.tender
  if (!tender) return undefined
  // The tender moved on since its window was judged (a new deadline, a hold, a close …): the rule
  // judges the window again on the facts as locked, and the events are built again on them.
  const moved = tender.version !== terms.window.version
  seenWindow(terms, tender)
  assertBiddingOpen(tender, tender, actor, at)
  const live = outcome.live
  if (live) {
    const events = await readStream(deps.db, bidStreamId(live.id))
    return { bidId: live.id, ciphertextSha256: live.ciphertext_sha256, events }
  }
  if (moved) return null
  if (idempotency) return replayWinner(deps, idempotency) // a twin with this key committed meanwhile
  return null // the live bid went meanwhile, or the tender moved on: try again as a new bid
}

/**
 * Whether the window is open at `at` on the facts `seen`. A refusal on facts read before this submission
 * may be stale (the deadline extended since): the facts are read again once, and judged again.
 */
async function windowOpen(
  attempt: Attempt,
  terms: TenderBidTerms,
  seen: BidWindowFacts,
  at: Date,
  fresh: boolean,
) {
  if (bidWindowRefusal(seen, at.toISOString()) === null) return 'open'
  if (fresh) return 'refused' // the transactional path answers it under its lock, a stored response first
  const facts = await readBidWindow(attempt.deps.db, attempt.tenderId)
  if (facts) seenWindow(terms, facts)
  return 'read again'
}

/** Accepts a new or replacing bid in one statement; 'transactional' when that path must decide. */
export async function submitFast(attempt: Attempt, terms: TenderBidTerms): Promise<FastResult> {
  const { tenderId, actor } = attempt
  const hints = attempt.deps.fastPath.replacementHints
  let plan: ReplacementPlan | null = hints.take(tenderId, actor.orgId)
  let fresh = false // whether the window's facts were read during this submission
  for (let tries = 0; tries < 4; tries += 1) {
    const seen = terms.window // judged, and built on, as one: the version and the facts read at it
    const { version, deadline } = seen
    if (deadline === null) return 'transactional'
    const creditSnapshot = await attempt.creditAt(deadline) // again only if the deadline moved
    const at = attempt.deps.clock.now()
    const window = await windowOpen(attempt, terms, seen, at, fresh)
    if (window === 'refused') return 'transactional'
    fresh = true
    if (window === 'read again') continue
    let built: Awaited<ReturnType<typeof buildAcceptance>>
    try {
      built = await buildAcceptance(attempt, { version, deadline }, at, plan, creditSnapshot)
    } catch (error) {
      if (plan === null) throw error
      plan = null // the bid machine refuses REPLACE (e.g. after the deadline): let the statement say why
      continue
    }
    const outcome = await run(attempt, built.acceptance)
    if ('statusCode' in outcome) return outcome
    if (outcome.accepted) {
      const { bidId, event } = built.acceptance
      hints.remember(tenderId, actor.orgId, {
        bidId,
        ciphertextSha256: attempt.sealed.ciphertextSha256,
        events: [event],
      })
      return { ...built.response, replayed: false }
    }
    const next = await afterRefusal(attempt, outcome, at, terms)
    if (next === undefined) return 'transactional'
    if (next !== null && 'statusCode' in next) return next
    plan = next
  }
  return 'transactional' // still racing: the transactional path decides under its locks
}
