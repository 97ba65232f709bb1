// Which timers a tender should have, decided from its state alone (pure): the timers table mirrors this
// after every tender command, so it never needs its own bookkeeping of deadlines or holds.
import { isHeld, type TenderContext } from '../../state-machines/tender.context.ts'
import type { TenderEventType } from '../../state-machines/tender.events.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'

export const TIMER_KINDS = ['close_bidding', 'end_publicity'] as const
export type TimerKind = (typeof TIMER_KINDS)[number]

export interface WantedTimer {
  readonly kind: TimerKind
  readonly dueAt: string
}

export interface PendingTimer {
  readonly id: string
  readonly kind: TimerKind
  readonly dueAt: Date
}

export type TimerContext = Pick<
  TenderContext,
  'deadline' | 'publicityEndsAt' | 'suspended' | 'pendingObjections'
>

export interface TenderTimerState {
  readonly state: TenderState
  readonly context: TimerContext
  /** The event that produced this state: it tells a fulfilled timer from a cancelled one. */
  readonly event: TenderEventType
}

export interface TimerPlan {
  readonly create: readonly WantedTimer[]
  readonly move: readonly { readonly id: string; readonly dueAt: string }[]
  readonly settle: readonly { readonly id: string; readonly status: 'done' | 'cancelled' }[]
}

/**
 * Bidding closes at the deadline; publicity (candidates or result) ends at its end time. A held tender
 * (suspended, objection pending) has none: the machine would refuse the event, and on RESUME or the
 * answer the timer comes back with its old due time, so an overdue one fires at once.
 */
export function wantedTimers(state: TenderState, context: TimerContext): WantedTimer[] {
  if (isHeld(context)) return []
  if (state === 'bidding' && context.deadline !== null) {
    return [{ kind: 'close_bidding', dueAt: context.deadline }]
  }
  const inPublicity = state === 'candidatePublicity' || state === 'resultPublicity'
  if (inPublicity && context.publicityEndsAt !== null) {
    return [{ kind: 'end_publicity', dueAt: context.publicityEndsAt }]
  }
  return []
}

/** The event each kind of timer exists to bring about. */
const FULFILLED_BY: Record<TimerKind, TenderEventType> = {
  close_bidding: 'CLOSE_BIDDING',
  end_publicity: 'END_PUBLICITY',
}

/** How to turn the tender's pending timers into the wanted ones, with as few writes as possible. */
export function planTimers(pending: readonly PendingTimer[], tender: TenderTimerState): TimerPlan {
  const wanted = wantedTimers(tender.state, tender.context)
  const create: WantedTimer[] = []
  const move: { id: string; dueAt: string }[] = []
  for (const timer of wanted) {
    const existing = pending.find((p) => p.kind === timer.kind)
    if (!existing) create.push(timer)
    else if (existing.dueAt.getTime() !== Date.parse(timer.dueAt))
      move.push({ id: existing.id, dueAt: timer.dueAt })
  }
  const settle = pending
    .filter((p) => !wanted.some((w) => w.kind === p.kind))
    .map((p) => ({
      id: p.id,
      status: FULFILLED_BY[p.kind] === tender.event ? ('done' as const) : ('cancelled' as const),
    }))
  return { create, move, settle }
}
