// Guards of opening (开标): the opening record covers exactly the committed bid set (法 Art 36).
import { areDistinctIds, hasText, isFen } from './checks.ts'
import { firstRefusal, malformed, OTHER_BRANCH, unless, type Verdict } from './refusal.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf, GuardSpec } from './tender.event-guard.ts'
import type { BidOpeningOutcome, OpenedBid } from './tender.events.ts'

const OUTCOMES: readonly BidOpeningOutcome[] = [
  'opened',
  'decryptFailedBidder',
  'decryptFailedOther',
  'invalid',
]

function isWellFormedOpenedBid(bid: OpenedBid): boolean {
  return (
    hasText(bid.bidId) &&
    hasText(bid.bidderOrgId) &&
    OUTCOMES.includes(bid.outcome) &&
    (bid.outcome !== 'opened' || isFen(bid.priceFen))
  )
}

/** Bidding closed on a committed bid set. */
const hasCommittedBidSet = (context: TenderContext): Verdict =>
  unless(context.bidSetHash !== null, () => malformed('bidSetHash', 'committed by CLOSE_BIDDING first'))

/** Exactly the set CLOSE_BIDDING committed to: no bid added, dropped or swapped since. */
function committedSet(context: TenderContext, event: EventOf<'OPEN'>): Verdict {
  const same = event.bidSetHash === context.bidSetHash && event.bids.length === context.bidCount
  return unless(same, () => ({
    code: 'bid_set_mismatch',
    message:
      'the live bids no longer hash to the bid set committed when bidding closed: nothing is opened; the bids table was changed outside the platform',
    rule: 'committedBidSet',
    limit: context.bidSetHash ?? '',
    source: '法 Art 36; 电子办法 Art 29: every bid received by the deadline is opened, and no other',
    field: 'bidSetHash',
    details: {
      committedBidSetHash: context.bidSetHash,
      foundBidSetHash: event.bidSetHash,
      committedBidCount: context.bidCount,
    },
  }))
}

/** The opening record covers exactly the committed number of bids, each once. */
export const canOpen: GuardSpec<'OPEN'> = {
  available: hasCommittedBidSet,
  check: (context, event) =>
    firstRefusal(
      () => committedSet(context, event),
      () =>
        unless(
          areDistinctIds(event.bids.map((bid) => bid.bidId)) && event.bids.every(isWellFormedOpenedBid),
          () => malformed('bids', 'distinct bids, each with an outcome (and a price in fen when opened)'),
        ),
    ),
}

/** 流标 after opening: fewer decrypted bids than the pack's minimum valid bids (a branch of OPEN). */
export const opensWithTooFewValidBids: GuardSpec<'OPEN'> = {
  available: hasCommittedBidSet,
  check: (context, event) => {
    const minValid = context.rulePack?.limits.minValidBids.value ?? Number.POSITIVE_INFINITY
    const opened = event.bids.filter((bid) => bid.outcome === 'opened').length
    return canOpen.check(context, event) ?? unless(opened < minValid, () => OTHER_BRANCH)
  },
}
