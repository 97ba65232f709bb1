// What the tender machine would accept now, judged by its own guards: the events whose context-and-time
// preconditions hold (so some payload can pass), and the refusal a guard names for one event.
import type { Refusal } from './refusal.ts'
import type { TenderGuard } from './tender.event-guard.ts'
import { isTenderEventType } from './tender.event-guard.ts'
import type { TenderEvent, TenderEventType } from './tender.events.ts'
import { type TenderSnapshot, tenderMachine, tenderStateOf } from './tender.machine.ts'

/** The guards of the current state's transitions for `type`, in the order the machine tries them. */
function guardsFor(snapshot: TenderSnapshot, type: TenderEventType): (TenderGuard | null)[] {
  const node = tenderMachine.states[tenderStateOf(snapshot)]
  const guards = tenderMachine.implementations.guards as Record<string, TenderGuard>
  return (node?.on[type] ?? []).map(({ guard }) => {
    if (guard === undefined) return null
    if (typeof guard !== 'string') throw new Error(`tender guards are named; ${type} has an inline one`)
    const named = guards[guard]
    if (named === undefined) throw new Error(`unknown tender guard ${guard}`)
    return named
  })
}

/**
 * The events the machine would accept at `at` for some payload: exactly the state's events with a
 * transition whose guard is available now (a UI draws its buttons from this).
 */
export function allowedEvents(snapshot: TenderSnapshot, at: string): TenderEventType[] {
  if (snapshot.status !== 'active') return []
  const node = tenderMachine.states[tenderStateOf(snapshot)]
  return (node?.ownEvents ?? [])
    .filter(isTenderEventType)
    .filter((type) =>
      guardsFor(snapshot, type).some((guard) => guard === null || guard.isAvailable(snapshot.context, at)),
    )
}

/**
 * Why the state's guards refuse `event`: the refusal of the last transition tried, which is the general
 * one (a branch such as "closes with too few bids" refuses only what the general guard refuses too, or
 * its own branch). Null when a guard accepts, or when the state has an unguarded transition.
 */
export function refusalOf(snapshot: TenderSnapshot, event: TenderEvent): Refusal | null {
  const verdicts = guardsFor(snapshot, event.type).map(
    (guard) => guard?.verdict(snapshot.context, event) ?? null,
  )
  if (verdicts.length === 0 || verdicts.includes(null)) return null
  return verdicts.at(-1) ?? null
}

/** Why no event of `type` could pass at `at`, by the state's guards; null when one could (or none guards). */
export function availabilityRefusal(
  snapshot: TenderSnapshot,
  type: TenderEventType,
  at: string,
): Refusal | null {
  const verdicts = guardsFor(snapshot, type).map((guard) => guard?.availability(snapshot.context, at) ?? null)
  if (verdicts.length === 0 || verdicts.includes(null)) return null
  return verdicts.at(-1) ?? null
}
