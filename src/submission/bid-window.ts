// Whether a tender takes bid changes right now. Bid commands hold the tender row FOR SHARE, so they
// run side by side, while CLOSE_BIDDING's FOR UPDATE waits for them: a bid commits before the close
// (and is in the committed set) or sees the closed tender (DESIGN §3, the deadline rush).
import type { Transaction } from 'kysely'
import { type BidWindowTerms, bidWindowRefusal } from '../../state-machines/bid-window.ts'
import type { Actor } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { refusalError } from '../pipeline/decide-transition.ts'
import type { Clock } from '../shared/clock.ts'
import type { Tender } from '../tenders/tender.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { lockTender } from '../tenders/tender-repository.ts'

export interface BiddingWindow {
  /** The server time the bid command is stamped with, read after the lock. */
  readonly at: Date
  /** The tender's current deadline, carried on bid events for the bid machine's guards. */
  readonly deadline: string
}

/** What decides the window besides the tender's state: from the tender machine's context. */
export type BiddingTerms = Omit<BidWindowTerms, 'state'>

/**
 * Throws the refusal (404 hidden, 409 bidding_closed, 409 tender_suspended, 409 tender_held_by_objection)
 * unless bids are taken at `at`. The window is the machine's rule (state-machines/bid-window.ts).
 */
export function assertBiddingOpen(
  tender: Pick<Tender, 'id' | 'state' | 'purchaserOrgId'>,
  terms: BiddingTerms,
  actor: Actor,
  at: Date,
): asserts terms is BiddingTerms & { deadline: string } {
  assertVisible(tender, actor)
  const refusal = bidWindowRefusal({ ...terms, state: tender.state }, at.toISOString())
  if (refusal) throw refusalError(refusal, {})
}

export async function lockBiddingWindow(
  trx: Transaction<Database>,
  tenderId: string,
  actor: Actor,
  clock: Clock,
): Promise<BiddingWindow> {
  return biddingWindowOf(await lockTender(trx, tenderId, 'share'), actor, clock)
}

/** The window of a tender the caller has locked FOR SHARE, e.g. after checking whose bid it is. */
export function biddingWindowOf(tender: Tender, actor: Actor, clock: Clock): BiddingWindow {
  const at = clock.now()
  const terms: BiddingTerms = tender.context
  assertBiddingOpen(tender, terms, actor, at)
  return { at, deadline: terms.deadline }
}
