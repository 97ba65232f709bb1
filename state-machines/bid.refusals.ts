// What the bid machine would take in a bid's state, and why its guards refuse an event: the refusal a
// bid command answers with (its code, rule, limit, source, field), like the tender's refusalOf.
import type { BidEvent, BidEventType } from './bid.events.ts'
import { type BidGuard, type BidSnapshot, bidMachine, bidStateOf } from './bid.machine.ts'
import { OTHER_BRANCH, type Refusal } from './refusal.ts'

/** The event types the bid's state has a transition for (none once final). */
export function bidEventsInState(snapshot: BidSnapshot): BidEventType[] {
  if (snapshot.status !== 'active') return []
  return (bidMachine.states[bidStateOf(snapshot)]?.ownEvents ?? []) as BidEventType[]
}

/** The guards of the state's transitions for `type`, in the order the machine tries them. */
function guardsFor(snapshot: BidSnapshot, type: BidEventType): (BidGuard | null)[] {
  const node = bidMachine.states[bidStateOf(snapshot)]
  const guards = bidMachine.implementations.guards as Record<string, BidGuard>
  return (node?.on[type] ?? []).map(({ guard }) => {
    if (guard === undefined) return null
    if (typeof guard !== 'string') throw new Error(`bid guards are named; ${type} has an inline one`)
    const named = guards[guard]
    if (named === undefined) throw new Error(`unknown bid guard ${guard}`)
    return named
  })
}

/**
 * Why the state's guards refuse `event`: the refusal of the branch the event is for (OPEN_RESULT has
 * one per outcome; the others answer OTHER_BRANCH). Null when a guard accepts, or none guards.
 */
export function bidRefusalOf(snapshot: BidSnapshot, event: BidEvent): Refusal | null {
  const verdicts = guardsFor(snapshot, event.type).map(
    (guard) => guard?.verdict(snapshot.context, event) ?? null,
  )
  if (verdicts.length === 0 || verdicts.includes(null)) return null
  return verdicts.find((verdict) => verdict !== OTHER_BRANCH) ?? verdicts.at(-1) ?? null
}
