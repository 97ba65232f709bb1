// The bid window (法 Art 28, 29; 条例 Art 22): bids are submitted, replaced and withdrawn while the
// tender is in bidding, before its deadline, and not held. The bid machine's guards and the bidding
// capability both read it here; the one-statement fast path (src/submission/accept-bids.ts) mirrors it in
// SQL and asks this rule why when its statement refuses.
import type { Refusal } from './refusal.ts'
import { holdOf, type TenderContext } from './tender.context.ts'
import { isBefore } from './time.ts'

/** What decides the window: the tender's state and, from its context, the deadline and any hold. */
export interface BidWindowTerms extends Pick<TenderContext, 'suspended' | 'pendingObjections'> {
  readonly state: string
  readonly deadline: string | null
}

/** Bids change strictly before the deadline (法 Art 28: bids received after it are refused). */
export function isBeforeBidDeadline(at: string, deadline: string | null): boolean {
  return isBefore(at, deadline)
}

const WINDOW_SOURCE = '法 Art 28, 29: bids are submitted, changed and withdrawn before the deadline'

/** Why the tender takes no bid change at `at` (409: the tender is not in a state for it), or null. */
export function bidWindowRefusal(terms: BidWindowTerms, at: string): Refusal | null {
  const { state, deadline } = terms
  if (state !== 'bidding' || !isBeforeBidDeadline(at, deadline)) {
    return {
      code: 'bidding_closed',
      message: `the tender does not take bids now (state "${state}", deadline ${deadline ?? 'none'})`,
      rule: 'bidWindow',
      limit: deadline ?? '',
      source: WINDOW_SOURCE,
      details: { state, deadline, serverTime: at },
      conflict: true,
    }
  }
  const hold = holdOf(terms)
  if (hold?.kind === 'suspension') {
    return {
      code: 'tender_suspended',
      message: 'the tender is suspended (暂停); bids wait until it resumes',
      rule: 'hold',
      limit: 'RESUME',
      source: '实施条例 Art 62: a suspended procedure takes no step until it resumes',
      details: { deadline, serverTime: at },
      conflict: true,
    }
  }
  if (hold?.kind === 'objection') {
    return {
      code: 'tender_held_by_objection',
      message: `objection ${hold.objectionId} to the ${hold.stage} awaits its answer; bidding is paused until then (实施条例 Art 22)`,
      rule: 'hold',
      limit: hold.objectionId,
      source: '实施条例 Art 22: the procedure is suspended until the objection is answered',
      details: { objectionId: hold.objectionId, stage: hold.stage, deadline, serverTime: at },
      conflict: true,
    }
  }
  return null
}
