// Events of one sealed bid's stream. Bids have their own streams (they do not serialise on the tender),
// so REPLACE and WITHDRAW carry the tender's current deadline, read by the command under a row lock.
import type { BidOpeningOutcome } from './tender.events.ts'

interface Stamped {
  /** Server time the command was accepted, UTC ISO-8601. */
  readonly at: string
}

/** The bid's first event (BID_SUBMITTED): the machine's input. */
export interface BidInput {
  readonly bidId: string
  readonly tenderId: string
  readonly bidderOrgId: string
  readonly submittedAt: string
  /** The tender's bid deadline when the bid was submitted. */
  readonly deadline: string
  /** SHA-256 of the sealed (encrypted) bid, as on the receipt. */
  readonly contentHash: string
}

export type BidEvent =
  /** A newer bid from the same bidder supersedes this one (法 Art 29). */
  | ({ type: 'REPLACE'; deadline: string; byBidId: string } & Stamped)
  /** The bidder withdraws (撤回) before the deadline. */
  | ({ type: 'WITHDRAW'; deadline: string } & Stamped)
  /** The opening result for this bid (电子办法 Art 29–31); priceFen is required when opened. */
  | ({ type: 'OPEN_RESULT'; outcome: BidOpeningOutcome; priceFen: string | null; reason?: string } & Stamped)
  /** The evaluation committee rejects the opened bid (否决投标) on a ground. */
  | ({ type: 'REJECT'; ground: string } & Stamped)

export type BidEventType = BidEvent['type']
