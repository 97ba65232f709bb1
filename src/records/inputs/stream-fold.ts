// The tender's context before and after each event, folded through the machine from TENDER_CREATED:
// what a record needs that no single event says (e.g. the round a ballot was cast in). Pure.
import { initialTransition, transition } from 'xstate'
import type { TenderContext } from '../../../state-machines/tender.context.ts'
import type { TenderEvent, TenderInput } from '../../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderMachine } from '../../../state-machines/tender.machine.ts'
import type { StoredEvent } from '../../events/event-store.ts'

export interface FoldStep {
  readonly event: StoredEvent
  readonly before: TenderContext
  readonly after: TenderContext
}

export interface StreamFold {
  readonly steps: readonly FoldStep[]
  /** The snapshot after the last event; null when the stream does not start with TENDER_CREATED. */
  readonly snapshot: TenderSnapshot | null
}

/** Folds recorded (so already accepted) events; a stream that fails to fold is a corrupt one. */
export function foldSteps(events: readonly StoredEvent[]): StreamFold {
  const [first, ...rest] = events
  if (first?.type !== 'TENDER_CREATED') return { steps: [], snapshot: null }
  let snapshot = initialTransition(tenderMachine, first.data as unknown as TenderInput)[0]
  const steps: FoldStep[] = [{ event: first, before: snapshot.context, after: snapshot.context }]
  for (const event of rest) {
    const before = snapshot.context
    snapshot = transition(tenderMachine, snapshot, { ...event.data, type: event.type } as TenderEvent)[0]
    steps.push({ event, before, after: snapshot.context })
  }
  return { steps, snapshot }
}
