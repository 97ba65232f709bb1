// Guards of the bid machine, each a rule answering a Verdict (refusal.ts): replacement and withdrawal
// only before the tender's current deadline (the bid window's own refusal, bid-window.ts), opening only
// from the deadline on and with a price in fen, rejection (否决) only on a ground. The machine's boolean
// guards are "no refusal" (bid.machine.ts), and bidRefusalOf names the refusal (bid.refusals.ts).
import type { BidContext } from './bid.context.ts'
import type { BidEvent } from './bid.events.ts'
import { bidDeadlineRefusal } from './bid-window.ts'
import { hasText, isFen } from './checks.ts'
import { firstRefusal, malformed, OTHER_BRANCH, type Refusal, unless, type Verdict } from './refusal.ts'
import type { BidOpeningOutcome } from './tender.events.ts'
import { isAtOrBefore, isInstant } from './time.ts'

type EventOf<K extends BidEvent['type']> = Extract<BidEvent, { type: K }>

/** A bid guard: its verdict on the event, given the bid's context. */
export type BidRule = (context: BidContext, event: BidEvent) => Verdict

const OUTCOMES: readonly BidOpeningOutcome[] = [
  'opened',
  'decryptFailedBidder',
  'decryptFailedOther',
  'invalid',
]

/** The event is of `type` and stamped with a valid instant; then `rule` judges it. */
function ofType<K extends BidEvent['type']>(
  type: K,
  rule: (context: BidContext, event: EventOf<K>) => Verdict,
): BidRule {
  return (context, event) => {
    if (event.type !== type) return malformed('type', type)
    if (!isInstant(event.at)) return malformed('at', 'an ISO-8601 instant')
    return rule(context, event as EventOf<K>)
  }
}

/** A newer bid of the same bidder supersedes this one, before the deadline (法 Art 29). */
export const canReplace: BidRule = ofType('REPLACE', (context, event) =>
  firstRefusal(
    () => bidDeadlineRefusal(event.at, event.deadline),
    () => unless(hasText(event.byBidId), () => malformed('byBidId', 'the id of the bid that replaces it')),
    () => unless(event.byBidId !== context.bidId, () => malformed('byBidId', 'another bid than this one')),
  ),
)

/** The bidder withdraws (撤回) before the deadline (法 Art 29). */
export const canWithdraw: BidRule = ofType('WITHDRAW', (_context, event) =>
  bidDeadlineRefusal(event.at, event.deadline),
)

function openedTooEarly(context: BidContext, at: string): Refusal {
  return {
    code: 'opening_before_deadline',
    message: `a bid is opened only from its deadline ${context.deadline} on`,
    rule: 'openingTime',
    limit: context.deadline,
    source: '电子招标投标办法 Art 27: nobody decrypts a bid before the deadline',
    details: { deadline: context.deadline, serverTime: at },
  }
}

/**
 * The opening's result for this bid when it is `outcome` (电子办法 Art 29–31); another outcome takes
 * another branch. Deadlines only ever move later, so the bid's own deadline is never after the opening.
 */
export function openResult(outcome: BidOpeningOutcome): BidRule {
  return ofType('OPEN_RESULT', (context, event) =>
    firstRefusal(
      () => unless(OUTCOMES.includes(event.outcome), () => malformed('outcome', OUTCOMES.join(', '))),
      () => (event.outcome === outcome ? null : OTHER_BRANCH),
      () => unless(isAtOrBefore(context.deadline, event.at), () => openedTooEarly(context, event.at)),
      () =>
        unless(outcome !== 'opened' || isFen(event.priceFen), () =>
          malformed('priceFen', 'a whole number of fen (分) as a decimal string'),
        ),
    ),
  )
}

/** The evaluation committee rejects (否决) an opened bid on a ground. */
export const canReject: BidRule = ofType('REJECT', (_context, event) =>
  unless(hasText(event.ground), () => malformed('ground', 'a non-blank ground')),
)
