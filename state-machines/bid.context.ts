// What the bid machine knows of one bid: its input (BID_SUBMITTED) and what later events recorded.
import type { BidInput } from './bid.events.ts'
import type { BidOpeningOutcome } from './tender.events.ts'

export interface BidContext extends BidInput {
  readonly replacedByBidId: string | null
  readonly withdrawnAt: string | null
  readonly openedAt: string | null
  readonly outcome: BidOpeningOutcome | null
  readonly priceFen: string | null
  readonly outcomeReason: string | null
  readonly rejectedAt: string | null
  readonly rejectionGround: string | null
}
