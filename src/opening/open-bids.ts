// OPEN (开标): unwrap the tender key (possible only after the deadline), decrypt and check every bid
// of the committed set, record the opening on the tender (OPEN) and on every bid's stream
// (OPEN_RESULT), and store the decrypted content, in one transaction. Every bidder's credit is looked up
// first and snapshotted in that transaction; OPEN references the snapshots (creditSnapshotIds).
import type { Transaction } from 'kysely'
import type { OpenedBid } from '../../state-machines/tender.events.ts'
import { type Actor, actorMeta } from '../auth/actor.ts'
import { prepareOpeningCredit, recordPreparedCredit } from '../credit/opening-credit.ts'
import type { Database } from '../db/schema.ts'
import { findTenderPublicKey, unwrapTenderKey } from '../keys/tender-keys.ts'
import { assertVersion, executeTenderCommand } from '../pipeline/tender-command.ts'
import { DomainError } from '../shared/errors.ts'
import { applyBidEvent, loadBidSnapshot } from '../submission/bid-command.ts'
import { listLiveSealedBids, recordOpening, type SealedBidRecord } from '../submission/bid-repository.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { bidSetHash } from './bid-set-hash.ts'
import type { OpeningDeps } from './opening-deps.ts'
import { type TenderKeyAccess, type Unsealing, unsealBid } from './unseal-bid.ts'

interface BidOpening extends Unsealing {
  readonly bid: SealedBidRecord
}

async function accessTenderKey(
  trx: Transaction<Database>,
  deps: OpeningDeps,
  tenderId: string,
  at: Date,
): Promise<TenderKeyAccess> {
  try {
    const key = await unwrapTenderKey(trx, deps.keys.kek, tenderId, at)
    const publicJwk = await findTenderPublicKey(trx, tenderId)
    if (!publicJwk) return { failure: 'the tender has no public key on record' }
    return { key, publicJwk }
  } catch (error) {
    // A rule (e.g. tender_key_sealed) answers the request; a key that will not unwrap is the platform's fault.
    if (error instanceof DomainError) throw error
    return { failure: (error as Error).message }
  }
}

async function openAll(trx: Transaction<Database>, deps: OpeningDeps, tenderId: string, at: Date) {
  const live = await listLiveSealedBids(trx, tenderId)
  const access: TenderKeyAccess = live.some((bid) => bid.ciphertext !== null)
    ? await accessTenderKey(trx, deps, tenderId, at)
    : { failure: 'no sealed bids' }
  const openings: BidOpening[] = []
  const recordedHashes: string[] = []
  for (const bid of live) {
    const { snapshot } = await loadBidSnapshot(trx, bid.id)
    recordedHashes.push(snapshot.context.contentHash)
    openings.push({ bid, ...(await unsealBid(bid, snapshot.context.contentHash, access)) })
  }
  // The machine compares it with CLOSE_BIDDING's commitment: another set of bids is never opened.
  return { openings, bidSetHash: bidSetHash(recordedHashes) }
}

const openedBid = (opening: BidOpening): OpenedBid => ({
  bidId: opening.bid.id,
  bidderOrgId: opening.bid.bidderOrgId,
  outcome: opening.outcome,
  priceFen: opening.priceFen,
})

export async function openBids(
  deps: OpeningDeps,
  actor: Actor,
  tenderId: string,
  ifMatch: number | undefined,
) {
  // Only for a caller who may open, at the version it saw: credit lookups cost the sources, and a
  // remote one may be slow. The pipeline checks both again under the lock.
  const tender = await findTender(deps.db, tenderId)
  authorizePurchaserOrOperator(tender, actor)
  assertVersion(tender, ifMatch)
  const credit = await prepareOpeningCredit(deps, actor, tenderId)
  let openings: BidOpening[] = []
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizePurchaserOrOperator,
    decide: async ({ trx, tender, at }) => {
      // Outside 'opening' the machine refuses OPEN (409): no key is touched for that answer.
      // After CLOSE_BIDDING no bid command passes the bidding window, so the live bids are the committed set.
      let openedSetHash = ''
      if (tender.state === 'opening') {
        // Another set than the committed one is the machine's refusal (bid_set_mismatch): nothing is recorded.
        ;({ openings, bidSetHash: openedSetHash } = await openAll(trx, deps, tender.id, at))
      }
      const bidIds = openings.map((opening) => opening.bid.id)
      const creditSnapshotIds = await recordPreparedCredit(trx, credit, bidIds)
      // creditSnapshotIds: the machine ignores it; the chain binds the snapshots to the opening.
      const bids = openings.map(openedBid)
      const event = { type: 'OPEN' as const, bids, bidSetHash: openedSetHash, creditSnapshotIds }
      return event
    },
    project: async ({ trx, at }) => {
      const meta = actorMeta(actor)
      for (const opening of openings) {
        const { outcome, priceFen, reason, content } = opening
        const why = reason === null ? {} : { reason }
        await applyBidEvent(trx, opening.bid.id, { type: 'OPEN_RESULT', outcome, priceFen, ...why }, at, meta)
        await recordOpening(trx, opening.bid.id, { content, reason })
      }
      return { bids: openings.map((opening) => ({ ...openedBid(opening), reason: opening.reason })) }
    },
  })
}
