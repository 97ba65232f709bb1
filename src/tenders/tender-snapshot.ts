// The tender machine's snapshot of a tender, and back: only the tender store and the pipeline turn one
// into the other (the row stores it as { value, context } JSON).
import { type TenderSnapshot, tenderMachine, tenderStateOf } from '../../state-machines/tender.machine.ts'
import type { Tender } from './tender.ts'

export type { TenderSnapshot } from '../../state-machines/tender.machine.ts'

/** The machine's snapshot of `tender`, to ask it what it would accept (allowedEvents, can, transition). */
export function machineSnapshotOf(tender: Pick<Tender, 'state' | 'context'>): TenderSnapshot {
  const stored = { value: tender.state, context: tender.context }
  return tenderMachine.resolveState(stored as Parameters<typeof tenderMachine.resolveState>[0])
}

/** The tender one event later: the machine's new state and context, at the next version. */
export function tenderAfter(tender: Tender, next: TenderSnapshot, at: Date): Tender {
  return {
    ...tender,
    state: tenderStateOf(next),
    version: tender.version + 1,
    context: next.context,
    updatedAt: at,
  }
}
