// The bid the app last accepted per (tender, bidder), with its whole stream (one event): the next
// submission plans the replacement from it without a read. Only a hint: the accepting statement checks
// the bid is still live at that version (so its stream is still exactly this), and a stale hint costs one
// retry. At most `maxHints` are kept (the oldest go first): closed tenders' hints must not pile up.
import type { StoredEvent } from '../events/event-store.ts'

/** The live bid to replace, with its stream as read before the statement (which rechecks its version). */
export interface ReplacementPlan {
  readonly bidId: string
  readonly ciphertextSha256: string
  readonly events: readonly StoredEvent[]
}

export interface ReplacementHints {
  /** The plan remembered for this bidder's live bid on the tender (null: none), forgotten as it is taken. */
  take(tenderId: string, bidderOrgId: string): ReplacementPlan | null
  remember(tenderId: string, bidderOrgId: string, plan: ReplacementPlan): void
}

const MAX_HINTS = 20_000

export function createReplacementHints(maxHints = MAX_HINTS): ReplacementHints {
  const hints = new Map<string, ReplacementPlan>()
  const keyOf = (tenderId: string, bidderOrgId: string) => `${tenderId} ${bidderOrgId}`
  return {
    take(tenderId, bidderOrgId) {
      const key = keyOf(tenderId, bidderOrgId)
      const plan = hints.get(key) ?? null
      hints.delete(key)
      return plan
    },
    remember(tenderId, bidderOrgId, plan) {
      if (hints.size >= maxHints) hints.delete(hints.keys().next().value as string)
      hints.set(keyOf(tenderId, bidderOrgId), plan)
    },
  }
}
