// Wiring between the machine and the pure guard / update functions: each named guard or assign in
// tender.setup.ts narrows the event to its type here, and the hold rule is applied in one place.
import type { Verdict } from './refusal.ts'
import { isHeld, type TenderContext } from './tender.context.ts'
import type { TenderEvent, TenderEventType } from './tender.events.ts'
import { isInstant } from './time.ts'

export type EventOf<K extends TenderEventType> = Extract<TenderEvent, { type: K }>

// Keyed by every event type, so adding an event to the union without listing it here fails to compile.
const EVENT_TYPE_SET: Readonly<Record<TenderEventType, true>> = {
  EDIT: true,
  PUBLISH: true,
  QUESTION_ASKED: true,
  QUESTION_ANSWERED: true,
  AMEND: true,
  EXTEND_DEADLINE: true,
  OBJECTION_RAISED: true,
  OBJECTION_ANSWERED: true,
  SUSPEND: true,
  RESUME: true,
  CLOSE_BIDDING: true,
  OPEN: true,
  DRAW_EXPERTS: true,
  DECLARE_NO_CONFLICT: true,
  SUBMIT_SCORES: true,
  REJECT_BID: true,
  SUBMIT_REPORT: true,
  END_PUBLICITY: true,
  FORM_AWARD_COMMITTEE: true,
  FREEZE_DOSSIERS: true,
  CAST_BALLOT: true,
  START_REVOTE: true,
  DECIDE: true,
  FAIL_AWARD: true,
  ISSUE_AWARD_NOTICE: true,
  WINNER_DECLINED: true,
  CONTRACT_SIGNED: true,
  CANCEL: true,
}

/** Every tender event type. */
export const TENDER_EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as readonly TenderEventType[]

export function isTenderEventType(type: string): type is TenderEventType {
  return Object.hasOwn(EVENT_TYPE_SET, type)
}

/** Events accepted while the tender is held (suspended or an objection pending); all others wait. */
export const EVENTS_ALLOWED_WHILE_HELD: readonly TenderEventType[] = [
  'QUESTION_ASKED',
  'QUESTION_ANSWERED',
  'AMEND',
  'EXTEND_DEADLINE',
  'OBJECTION_RAISED',
  'OBJECTION_ANSWERED',
  'SUSPEND',
  'RESUME',
  'CANCEL',
]

export function isEventOf<K extends TenderEventType>(event: TenderEvent, type: K): event is EventOf<K> {
  return event.type === type
}

interface MachineArgs {
  readonly context: TenderContext
  readonly event: TenderEvent
}

/**
 * A guard in two parts. `available` depends only on the context and the time, so it can be judged
 * before any event exists ("could this event apply now?"); `check` judges what the event carries.
 * Either may answer a Refusal to say why it refuses.
 */
export interface GuardSpec<K extends TenderEventType> {
  readonly available?: (context: TenderContext, at: string) => Verdict
  readonly check: (context: TenderContext, event: EventOf<K>) => Verdict
}

/** A machine guard that can also say whether its event is available now, and why it refuses one. */
export interface TenderGuard {
  (args: MachineArgs): boolean
  readonly eventType: TenderEventType
  /** Whether some event of this type could pass at `at`: the hold rule and `available`, no payload. */
  readonly isAvailable: (context: TenderContext, at: string) => boolean
  /** The guard's answer to `event`, with the refusal when a part names one. */
  readonly verdict: (context: TenderContext, event: TenderEvent) => Verdict
}

/**
 * A machine guard for events of `type`: the event's `at` must be a valid instant, the hold rule must
 * allow the event, then `available` and `check` decide. The guard IS that conjunction, so what
 * `isAvailable` reports cannot drift from what the machine accepts.
 */
export function guardFor<K extends TenderEventType>(
  type: K,
  spec: GuardSpec<K> | GuardSpec<K>['check'],
): TenderGuard {
  const { available, check } = typeof spec === 'function' ? { available: undefined, check: spec } : spec
  const allowedWhileHeld = EVENTS_ALLOWED_WHILE_HELD.includes(type)
  const availableAt = (context: TenderContext, at: string): Verdict =>
    isInstant(at) && (allowedWhileHeld || !isHeld(context)) && (available?.(context, at) ?? true)
  const verdict = (context: TenderContext, event: TenderEvent): Verdict => {
    if (!isEventOf(event, type)) return false
    const now = availableAt(context, event.at)
    return now === true ? check(context, event) : now
  }
  const guard = ({ context, event }: MachineArgs) => verdict(context, event) === true
  return Object.assign(guard, {
    eventType: type,
    isAvailable: (context: TenderContext, at: string) => availableAt(context, at) === true,
    verdict,
  })
}

/** A context update for events of `type` (an assign's assigner). */
export function updateFor<K extends TenderEventType>(
  type: K,
  update: (context: TenderContext, event: EventOf<K>) => Partial<TenderContext>,
): (args: MachineArgs) => Partial<TenderContext> {
  return ({ context, event }) => (isEventOf(event, type) ? update(context, event) : {})
}
