// The machine's answer to one event: the next snapshot, or the refusal (409 for a state without the
// event, 422 or 409 for a guard's refusal) with the state and the events it would accept instead.
import { transition } from 'xstate'
import type { Refusal } from '../../state-machines/refusal.ts'
import { allowedEvents, refusalOf } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent, TenderEventType } from '../../state-machines/tender.events.ts'
import {
  acceptedEventTypes,
  type TenderSnapshot,
  tenderMachine,
  tenderStateOf,
} from '../../state-machines/tender.machine.ts'
import { Conflict, IllegalTransition, RuleViolation } from '../shared/errors.ts'

/** Runs the machine: 409 when the state has no such event, 422 when a guard refuses this one. */
export function decideTransition(snapshot: TenderSnapshot, event: TenderEvent): TenderSnapshot {
  assertStateTakes(snapshot, event.type, event.at)
  if (!snapshot.can(event)) {
    const state = tenderStateOf(snapshot)
    const allowed = allowedEvents(snapshot, event.at)
    const refusal = refusalOf(snapshot, event)
    if (refusal) throw refusalError(refusal, { state, allowed })
    throw new RuleViolation(`the rules refuse ${event.type} for this tender in state "${state}"`, {
      state,
      allowed,
    })
  }
  const [next] = transition(tenderMachine, snapshot, event)
  return next
}

/** The 409 of a state with no transition for `type`, naming the events the machine would accept at `at`. */
export function assertStateTakes(snapshot: TenderSnapshot, type: TenderEventType, at: string): void {
  if (acceptedEventTypes(snapshot).includes(type)) return
  const state = tenderStateOf(snapshot)
  throw new IllegalTransition(`a tender in state "${state}" does not accept ${type}`, {
    state,
    allowed: allowedEvents(snapshot, at),
  })
}

/** The 422 of a refusal the machine names (409 for a conflict): its code, and the rule, limit and source. */
export function refusalError(refusal: Refusal, extra: Record<string, unknown>): RuleViolation | Conflict {
  const { code, message, rule, limit, source, field, details, conflict } = refusal
  const facts = { rule, limit, source, ...(field ? { field } : {}), ...details, ...extra }
  return conflict ? new Conflict(message, facts, code) : new RuleViolation(message, facts, code)
}
