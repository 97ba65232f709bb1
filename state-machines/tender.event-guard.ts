// Wiring between the machine and the pure guard / update functions: each named guard or assign in
// tender.setup.ts narrows the event to its type here, and the hold rule is applied in one place.
import { malformed, type Refusal, type Verdict } from './refusal.ts'
import { holdOf, type TenderContext } from './tender.context.ts'
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
  CHECK_IN: true,
  RECUSE: true,
  OPEN_ROUND: true,
  CAST_BALLOT: true,
  CLOSE_ROUND: true,
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
 * A guard in parts. `available` depends only on the context and the time, so it can be judged
 * before any event exists ("could this event apply now?"); `check` judges what the event carries.
 * `sender`, where an event names who sends it (a member, the chair), judges that sender's standing
 * first: a member who has not checked in hears that, not that the round is still closed to everyone.
 * Each answers a Refusal naming the rule it breaks, or null; the guard passes when all pass.
 */
export interface GuardSpec<K extends TenderEventType> {
  readonly sender?: (context: TenderContext, event: EventOf<K>) => Verdict
  readonly available?: (context: TenderContext, at: string) => Verdict
  readonly check: (context: TenderContext, event: EventOf<K>) => Verdict
}

/** A machine guard that can also say whether its event is available now, and why it refuses one. */
export interface TenderGuard {
  (args: MachineArgs): boolean
  readonly eventType: TenderEventType
  /** Why no event of this type could pass at `at` (the hold rule and `available`), or null. */
  readonly availability: (context: TenderContext, at: string) => Verdict
  /** Whether some event of this type could pass at `at`. */
  readonly isAvailable: (context: TenderContext, at: string) => boolean
  /** The guard's answer to `event`: the refusal of the first part that refuses, or null. */
  readonly verdict: (context: TenderContext, event: TenderEvent) => Verdict
}

/** The hold rule (条例 Art 22, 54, 62): while held, only EVENTS_ALLOWED_WHILE_HELD are taken. */
export function holdRefusal(context: TenderContext): Refusal | null {
  const hold = holdOf(context)
  if (hold === null) return null
  if (hold.kind === 'suspension') {
    return {
      code: 'tender_suspended',
      message: 'the tender is suspended (暂停): the procedure waits until it resumes',
      rule: 'hold',
      limit: 'RESUME',
      source: '实施条例 Art 62: a suspended procedure takes no step until it resumes',
    }
  }
  return {
    code: 'objection_pending',
    message: `an objection is pending (${hold.objectionId}, ${hold.stage}): the procedure waits for its answer`,
    rule: 'hold',
    limit: hold.objectionId,
    source: '实施条例 Art 22, 54: the procedure is suspended until the objection is answered',
    details: { objectionId: hold.objectionId, stage: hold.stage },
  }
}

/**
 * A machine guard for events of `type`: the event's `at` must be a valid instant, the hold rule must
 * allow the event, then `sender`, `available` and `check` decide. The guard IS that conjunction, so what
 * `isAvailable` reports cannot drift from what the machine accepts, nor its refusal from its answer.
 */
export function guardFor<K extends TenderEventType>(
  type: K,
  spec: GuardSpec<K> | GuardSpec<K>['check'],
): TenderGuard {
  const parts: GuardSpec<K> = typeof spec === 'function' ? { check: spec } : spec
  const { sender, available, check } = parts
  const allowedWhileHeld = EVENTS_ALLOWED_WHILE_HELD.includes(type)
  const timeAndHold = (context: TenderContext, at: string): Verdict => {
    if (!isInstant(at)) return malformed('at', 'an ISO-8601 instant')
    return allowedWhileHeld ? null : holdRefusal(context)
  }
  const availability = (context: TenderContext, at: string): Verdict =>
    timeAndHold(context, at) ?? available?.(context, at) ?? null
  const verdict = (context: TenderContext, event: TenderEvent): Verdict => {
    if (!isEventOf(event, type)) return malformed('type', type)
    return (
      timeAndHold(context, event.at) ??
      sender?.(context, event) ??
      available?.(context, event.at) ??
      check(context, event)
    )
  }
  const guard = ({ context, event }: MachineArgs) => verdict(context, event) === null
  return Object.assign(guard, {
    eventType: type,
    availability,
    isAvailable: (context: TenderContext, at: string) => availability(context, at) === null,
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
