// Guards shared by several phases: objections (异议, 条例 Art 22/44/54), suspension, termination (终止).
// Each is split into what the context and the time must allow (`available`) and what the event must
// carry (`check`); tender.event-guard.ts joins the two.
import { hasText } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import type { Verdict } from './refusal.ts'
import type { TenderContext } from './tender.context.ts'
import type { GuardSpec } from './tender.event-guard.ts'
import type { ObjectionStage } from './tender.events.ts'
import { isAtOrBefore, isBefore } from './time.ts'

/** The article that lets each stage's objection be raised, and when. */
const STAGE_SOURCES: Readonly<Record<ObjectionStage, string>> = {
  documents: '实施条例 Art 22: objections to the tender documents, before the bid deadline',
  opening: '实施条例 Art 44: objections to the opening, raised on site during the opening',
  candidates: '实施条例 Art 54: objections to the evaluation result, during the candidate publicity',
  result: '实施条例 Art 54 (local 评定分离 practice): objections during the result publicity',
}

function publicityOver(context: TenderContext, stage: ObjectionStage): Verdict {
  return {
    code: 'objection_too_late',
    message: `the publicity period ended at ${context.publicityEndsAt}; objections are raised during it`,
    rule: 'publicityPeriod',
    limit: context.publicityEndsAt ?? '',
    source: STAGE_SOURCES[stage],
  }
}

/** Whether an objection at this stage is still in time. */
function objectionInTime(context: TenderContext, stage: ObjectionStage, at: string): Verdict {
  const pack = context.rulePack
  if (pack === null) return false
  switch (stage) {
    case 'documents': {
      // ≥ objectionLeadDays before the deadline (条例 Art 22)
      const lead = pack.limits.objectionLeadDays
      if (isAtOrBefore(addLimitDays(at, lead, pack), context.deadline)) return true
      return {
        code: 'objection_too_late',
        message: `objections to the tender documents are raised ${lead.value} days or more before the deadline ${context.deadline} (${lead.source})`,
        rule: 'objectionLeadDays',
        limit: lead.value,
        source: lead.source,
        details: { deadline: context.deadline },
      }
    }
    case 'opening': // raised on site during the opening (条例 Art 44)
      return true
    case 'candidates': // only during the publicity period (条例 Art 54)
    case 'result':
      return isBefore(at, context.publicityEndsAt) || publicityOver(context, stage)
  }
}

/** A guard accepting objections of one stage only (each phase admits its own stage). */
export function canRaiseObjection(stage: ObjectionStage): GuardSpec<'OBJECTION_RAISED'> {
  return {
    available: (context, at) => objectionInTime(context, stage, at),
    check: (context, event) => {
      if (event.stage !== stage) {
        return {
          code: 'objection_stage_closed',
          message: `this phase takes objections to the ${stage} stage only, not to the ${event.stage} stage (${STAGE_SOURCES[stage]})`,
          rule: 'objectionStage',
          limit: stage,
          source: STAGE_SOURCES[stage],
          field: 'stage',
        }
      }
      return (
        hasText(event.objectionId) &&
        !context.pendingObjections.some((o) => o.objectionId === event.objectionId)
      )
    },
  }
}

const hasPendingObjection = (context: TenderContext) => context.pendingObjections.length > 0

export const isPendingObjection: GuardSpec<'OBJECTION_ANSWERED'> = {
  available: hasPendingObjection,
  check: (context, event) => context.pendingObjections.some((o) => o.objectionId === event.objectionId),
}

export const isUpheldObjection: GuardSpec<'OBJECTION_ANSWERED'> = {
  available: hasPendingObjection,
  check: (context, event) => event.upheld && isPendingObjection.check(context, event) === true,
}

export const canSuspend: GuardSpec<'SUSPEND'> = {
  available: (context) => !context.suspended,
  check: (_context, event) => hasText(event.reason),
}

export const canResume: GuardSpec<'RESUME'> = {
  available: (context) => context.suspended,
  check: (_context, event) => hasText(event.reason),
}

export function canCancel(_context: TenderContext, event: { readonly reason: string }): boolean {
  return hasText(event.reason)
}
