// The pipeline's own refusals, raised before a command does costly work (a draw, a key unwrap, a
// credit lookup) or to add facts of its own (the award meeting's next step). They ask the machine, so
// they never repeat a rule: the guards stay its only statement.
import { allowedEvents, availabilityRefusal, refusalOf } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent, TenderEventType } from '../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { assertStateTakes, refusalError } from './decide-transition.ts'

/** The 409 of a state without `type`, or the refusal of a context and time where no such event passes. */
export function assertAvailable(snapshot: TenderSnapshot, type: TenderEventType, at: Date): void {
  const iso = at.toISOString()
  assertStateTakes(snapshot, type, iso)
  const refusal = availabilityRefusal(snapshot, type, iso)
  if (refusal) throw refusalError(refusal, facts(snapshot, iso))
}

/** The refusal the pipeline would give `event`, raised now with `extra` facts added. */
export function assertMachineTakes(
  snapshot: TenderSnapshot,
  event: TenderEvent,
  extra: Record<string, unknown>,
) {
  assertStateTakes(snapshot, event.type, event.at)
  const refusal = refusalOf(snapshot, event)
  if (refusal) throw refusalError(refusal, { ...facts(snapshot, event.at), ...extra })
}

function facts(snapshot: TenderSnapshot, at: string) {
  return { state: tenderStateOf(snapshot), allowed: allowedEvents(snapshot, at) }
}
