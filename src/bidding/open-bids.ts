// OPEN (开标): read the committed bids, check each against the bid form, record the opening on the
// tender (OPEN) and on every bid's stream (OPEN_RESULT), in one transaction.
import type { OpenedBid } from '../../state-machines/tender.events.ts'
import { type Actor, actorMeta } from '../auth/actor.ts'
import { authorizePurchaserOrOperator } from '../tenders/tender-access.ts'
import { type CommandDeps, executeTenderCommand } from '../tenders/tender-command.ts'
import { applyBidEvent } from './bid-command.ts'
import { type BidContentCheck, checkBidContent } from './bid-content.ts'
import { type BidRecord, listLiveBids } from './bid-repository.ts'

interface BidOpening {
  readonly bid: BidRecord
  readonly check: BidContentCheck
}

/**
 * Reads one bid's content for opening. Plaintext now; the sealed-bid issue decrypts here and maps
 * failures to decryptFailedBidder / decryptFailedOther (电子办法 Art 31).
 */
function openBid(bid: BidRecord): BidOpening {
  return { bid, check: checkBidContent(bid.content) }
}

function openedBid({ bid, check }: BidOpening): OpenedBid {
  return {
    bidId: bid.id,
    bidderOrgId: bid.bidderOrgId,
    outcome: check.valid ? 'opened' : 'invalid',
    priceFen: check.valid ? check.priceFen : null,
  }
}

export function openBids(deps: CommandDeps, actor: Actor, tenderId: string, ifMatch?: number) {
  let openings: BidOpening[] = []
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizePurchaserOrOperator,
    decide: async ({ trx, tender }) => {
      // After CLOSE_BIDDING no bid command passes the bidding window, so the live bids are the committed set.
      openings = (await listLiveBids(trx, tender.id)).map(openBid)
      return { type: 'OPEN', bids: openings.map(openedBid) }
    },
    project: async ({ trx, at }) => {
      const meta = actorMeta(actor)
      for (const opening of openings) {
        const { outcome, priceFen } = openedBid(opening)
        const reason = opening.check.valid ? {} : { reason: opening.check.reason }
        await applyBidEvent(
          trx,
          opening.bid.id,
          { type: 'OPEN_RESULT', outcome, priceFen, ...reason },
          at,
          meta,
        )
      }
      return { bids: openings.map(openedBid) }
    },
  })
}
