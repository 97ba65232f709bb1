// Guards shared by several phases: objections (异议, 条例 Art 22/44/54), suspension, termination (终止).
import { hasText } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import type { ObjectionStage } from './tender.events.ts'
import { isAtOrBefore, isBefore } from './time.ts'

/** Whether an objection at this stage is still in time. */
function objectionInTime(context: TenderContext, stage: ObjectionStage, at: string): boolean {
  const pack = context.rulePack
  if (pack === null) return false
  switch (stage) {
    case 'documents': // ≥ objectionLeadDays before the deadline (条例 Art 22)
      return isAtOrBefore(addLimitDays(at, pack.limits.objectionLeadDays, pack), context.deadline)
    case 'opening': // raised on site during the opening (条例 Art 44)
      return true
    case 'candidates': // only during the publicity period (条例 Art 54)
    case 'result':
      return isBefore(at, context.publicityEndsAt)
  }
}

/** A guard check accepting objections of one stage only (each phase admits its own stage). */
export function canRaiseObjection(stage: ObjectionStage) {
  return (context: TenderContext, event: EventOf<'OBJECTION_RAISED'>): boolean =>
    event.stage === stage &&
    hasText(event.objectionId) &&
    !context.pendingObjections.some((o) => o.objectionId === event.objectionId) &&
    objectionInTime(context, stage, event.at)
}

export function isPendingObjection(context: TenderContext, event: EventOf<'OBJECTION_ANSWERED'>): boolean {
  return context.pendingObjections.some((o) => o.objectionId === event.objectionId)
}

export function isUpheldObjection(context: TenderContext, event: EventOf<'OBJECTION_ANSWERED'>): boolean {
  return event.upheld && isPendingObjection(context, event)
}

export function canSuspend(context: TenderContext, event: EventOf<'SUSPEND'>): boolean {
  return !context.suspended && hasText(event.reason)
}

export function canResume(context: TenderContext, event: EventOf<'RESUME'>): boolean {
  return context.suspended && hasText(event.reason)
}

export function canCancel(_context: TenderContext, event: EventOf<'CANCEL'>): boolean {
  return hasText(event.reason)
}
