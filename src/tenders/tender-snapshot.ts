// The tender machine's snapshot as the projection row stores it ({ value, context } as JSON) and back.
// Only the tender store and the pipeline turn one into the other.
import { type TenderSnapshot, tenderMachine } from '../../state-machines/tender.machine.ts'

export type { TenderSnapshot } from '../../state-machines/tender.machine.ts'

export function restoreSnapshot(stored: Record<string, unknown>): TenderSnapshot {
  return tenderMachine.resolveState(stored as Parameters<typeof tenderMachine.resolveState>[0])
}

export function persistableSnapshot(snapshot: TenderSnapshot): Record<string, unknown> {
  return { value: snapshot.value, context: snapshot.context as unknown as Record<string, unknown> }
}
