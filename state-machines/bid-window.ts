// The bid window (法 Art 28, 29; 条例 Art 22): bids are submitted, replaced and withdrawn while the
// tender is in bidding, before its deadline, and not held. The bid machine's guards (the deadline) and
// the submission capability (the whole window) both read it here, the one-statement fast path too: it
// judges the window here on the tender's facts, and its statement (src/submission/accept-bids.ts) only
// checks, under the tender's lock, that the tender is still at the version those facts were read at.
import { type Refusal, type RefusalDetail, unless, type Verdict } from './refusal.ts'
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

/** The window is shut (409): one code, rule, limit and source whoever asks, the tender or the bid. */
function windowClosed(
  message: string,
  deadline: string | null,
  details: Readonly<Record<string, RefusalDetail>>,
): Refusal {
  return {
    code: 'bidding_closed',
    message,
    rule: 'bidWindow',
    limit: deadline ?? '',
    source: WINDOW_SOURCE,
    details,
    conflict: true,
  }
}

/**
 * Why a change of a bid at `at` comes too late for the tender's current `deadline`, or null: the bid
 * machine's rule for REPLACE and WITHDRAW (their events carry the deadline), the deadline part of
 * bidWindowRefusal.
 */
export function bidDeadlineRefusal(at: string, deadline: string | null): Verdict {
  return unless(isBeforeBidDeadline(at, deadline), () =>
    windowClosed(`the bid deadline ${deadline ?? '(none)'} has passed`, deadline, {
      deadline,
      serverTime: at,
    }),
  )
}

/** Why the tender takes no bid change at `at` (409: the tender is not in a state for it), or null. */
export function bidWindowRefusal(terms: BidWindowTerms, at: string): Refusal | null {
  const { state, deadline } = terms
  if (state !== 'bidding' || bidDeadlineRefusal(at, deadline) !== null) {
    const message = `the tender does not take bids now (state "${state}", deadline ${deadline ?? 'none'})`
    return windowClosed(message, deadline, { state, deadline, serverTime: at })
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
