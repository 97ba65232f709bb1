// Who sees which bids (DESIGN §8): sealed until opening (a bidder sees its own, without content, which
// nobody has yet), then the opening facts to everyone, the content only to its bidder, the purchaser and oversight.
import type { Kysely } from 'kysely'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import { type Actor, hasRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { Forbidden } from '../shared/errors.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible, isOversight } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { type BidListing, listBids } from './bid-repository.ts'

export const isOpened = (context: Pick<TenderContext, 'openedBids'>) => context.openedBids.length > 0

/** The tender's own purchaser (or its agent user): after opening it reads the bid contents. */
export function isOwnPurchaser(tender: Tender, actor: Actor): boolean {
  return hasRole(actor, 'purchaser', 'agent') && actor.orgId === tender.purchaserOrgId
}

export function bidView(bid: BidListing, context: TenderContext, withContent: boolean) {
  return {
    id: bid.id,
    tenderId: bid.tenderId,
    bidderOrgId: bid.bidderOrgId,
    bidderName: bid.bidderName,
    bidderUscc: bid.bidderUscc,
    state: bid.state,
    submittedAt: bid.submittedAt.toISOString(),
    mode: bid.mode,
    ciphertextSha256: bid.ciphertextSha256,
    priceFen: bid.priceFen,
    outcome: context.openedBids.find((opened) => opened.bidId === bid.id)?.outcome ?? null,
    openingReason: bid.openingReason,
    // The content exists only from opening: until then the bid is its ciphertext.
    ...(withContent && bid.content !== null ? { content: bid.content } : {}),
  }
}

export async function readBids(db: Kysely<Database>, actor: Actor, tenderId: string) {
  const tender = await findTender(db, tenderId)
  assertVisible(tender, actor)
  const { context } = tender
  if (!isOpened(context)) {
    if (!hasRole(actor, 'bidder')) {
      // Bids (even how many there are) stay sealed from everyone but their bidders until OPEN.
      throw new Forbidden(
        'bids are sealed until opening (开标); a bidder sees only its own',
        {},
        'sealed_until_opening',
      )
    }
    const own = await listBids(db, { tenderId, bidderOrgId: actor.orgId })
    return own.map((bid) => bidView(bid, context, true))
  }
  const readsAll = isOversight(actor) || isOwnPurchaser(tender, actor)
  const bids = await listBids(db, { tenderId })
  return bids.map((bid) => bidView(bid, context, readsAll || bid.bidderOrgId === actor.orgId))
}
