// The tie-break 最低投标价 (lowestBidPrice): among the candidates still tied after the last permitted
// re-vote, the one with the lowest declared price wins. Prices are fen as decimal strings, compared as
// integers so no amount is ever rounded. A candidate without a price cannot win on price.
import type { AwardRound, MeetingOutcome } from './award-method.ts'

/** The tied candidates sharing the lowest known price, in `tied` order (several on an exact tie). */
export function lowestPriced(tied: readonly string[], pricesFen: AwardRound['pricesFen']): string[] {
  const priced = tied.flatMap((bidId) => {
    const price = pricesFen[bidId]
    return typeof price === 'string' && /^\d+$/.test(price) ? [{ bidId, fen: BigInt(price) }] : []
  })
  const [first] = priced
  if (first === undefined) return [...tied]
  let lowest = first.fen // bigint: Math.min does not take it
  for (const bid of priced) if (bid.fen < lowest) lowest = bid.fen
  return priced.filter((bid) => bid.fen === lowest).map((bid) => bid.bidId)
}

/** Settles a tie that outlasts the re-votes by the declared rule; without one the award is deadlocked. */
export function breakTie(meeting: AwardRound, tied: readonly string[]): MeetingOutcome {
  if (meeting.tieBreak === null) return { kind: 'deadlocked', tied, by: null }
  const lowest = lowestPriced(tied, meeting.pricesFen)
  return lowest.length === 1
    ? { kind: 'decided', winner: lowest[0]!, by: meeting.tieBreak, tied }
    : { kind: 'deadlocked', tied: lowest, by: meeting.tieBreak }
}
