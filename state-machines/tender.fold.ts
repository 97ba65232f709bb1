// A tender's recorded history folded through the machine from TENDER_CREATED: the snapshot before and
// after each event, up to the first event the machine refuses. Pure; replay, the records a history calls
// for and the records' inputs all read a tender's past through this one fold.
import { initialTransition, transition } from 'xstate'
import { isTenderEventType } from './tender.event-guard.ts'
import type { TenderEvent, TenderInput } from './tender.events.ts'
import { type TenderSnapshot, tenderMachine, tenderStateOf } from './tender.machine.ts'

/** What the fold reads of a stored event (the event store's events carry this and more). */
export interface RecordedTenderEvent {
  readonly seq: number
  readonly type: string
  readonly data: Record<string, unknown>
}

export interface FoldStep<E extends RecordedTenderEvent> {
  readonly event: E
  /** TENDER_CREATED's step has the initial snapshot on both sides. */
  readonly before: TenderSnapshot
  readonly after: TenderSnapshot
}

export interface TenderFold<E extends RecordedTenderEvent> {
  /** One step per event the machine accepted, in order. */
  readonly steps: readonly FoldStep<E>[]
  /** After the last accepted event; null when the stream does not start with TENDER_CREATED. */
  readonly snapshot: TenderSnapshot | null
  /** The first event not accepted (the first event when it is not TENDER_CREATED); null when all were. */
  readonly rejectedSeq: number | null
  readonly problem: string | null
}

function start(first: RecordedTenderEvent | undefined): TenderSnapshot | null {
  if (first?.type !== 'TENDER_CREATED') return null
  try {
    return initialTransition(tenderMachine, first.data as unknown as TenderInput)[0]
  } catch {
    return null
  }
}

/** The next snapshot, or null when the machine refuses the event (or chokes on its data). */
function step(snapshot: TenderSnapshot, recorded: RecordedTenderEvent): TenderSnapshot | null {
  if (!isTenderEventType(recorded.type)) return null
  const event = { ...recorded.data, type: recorded.type } as TenderEvent
  try {
    if (!snapshot.can(event)) return null
    return transition(tenderMachine, snapshot, event)[0]
  } catch {
    return null
  }
}

export function foldTenderStream<E extends RecordedTenderEvent>(events: readonly E[]): TenderFold<E> {
  const [first, ...rest] = events
  const initial = start(first)
  if (first === undefined || initial === null) {
    const problem = 'the stream does not start with TENDER_CREATED'
    return { steps: [], snapshot: null, rejectedSeq: first?.seq ?? 1, problem }
  }
  const steps: FoldStep<E>[] = [{ event: first, before: initial, after: initial }]
  let snapshot = initial
  for (const event of rest) {
    const next = step(snapshot, event)
    if (next === null) {
      const problem = `the machine in state "${tenderStateOf(snapshot)}" refuses ${event.type}`
      return { steps, snapshot, rejectedSeq: event.seq, problem }
    }
    steps.push({ event, before: snapshot, after: next })
    snapshot = next
  }
  return { steps, snapshot, rejectedSeq: null, problem: null }
}
