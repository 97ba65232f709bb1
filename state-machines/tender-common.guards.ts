// Guards shared by several phases: objections (异议, 条例 Art 22/44/54), suspension, termination (终止).
// Each is split into what the context and the time must allow (`available`) and what the event must
// carry (`check`); tender.event-guard.ts joins the two.
import { hasText } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import { malformed, OTHER_BRANCH, type Refusal, unless, type Verdict } from './refusal.ts'
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

function publicityOver(context: TenderContext, stage: ObjectionStage): Refusal {
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
  if (pack === null) return noRulePack()
  switch (stage) {
    case 'documents': {
      // ≥ objectionLeadDays before the deadline (条例 Art 22)
      const lead = pack.limits.objectionLeadDays
      if (isAtOrBefore(addLimitDays(at, lead, pack), context.deadline)) return null
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
      return null
    case 'candidates': // only during the publicity period (条例 Art 54)
    case 'result':
      return unless(isBefore(at, context.publicityEndsAt), () => publicityOver(context, stage))
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
      const fresh =
        hasText(event.objectionId) &&
        !context.pendingObjections.some((o) => o.objectionId === event.objectionId)
      return unless(fresh, () => malformed('objectionId', 'a new objection id'))
    },
  }
}

/** The pack the tender was published with: every limit after PUBLISH is read from it. */
export function noRulePack(): Refusal {
  return {
    code: 'no_rule_pack',
    message: 'the tender has no rule pack: it was never published',
    rule: 'rulePack',
    limit: 'PUBLISH',
    source: '法 Art 24: the tender documents (with their rules) are issued at publication',
  }
}

const ANSWER_SOURCE = '实施条例 Art 22, 44, 54: the tenderee answers each objection raised'

function alreadyAnswered(objectionId: string | null): Refusal {
  return {
    code: 'already_answered',
    message:
      objectionId === null
        ? 'no objection awaits an answer'
        : `objection ${objectionId} awaits no answer: it is answered already, or was never raised`,
    rule: 'objectionAnswer',
    limit: 'a pending objection',
    source: ANSWER_SOURCE,
    field: 'objectionId',
    conflict: true,
  }
}

const hasPendingObjection = (context: TenderContext): Verdict =>
  unless(context.pendingObjections.length > 0, () => alreadyAnswered(null))

export const isPendingObjection: GuardSpec<'OBJECTION_ANSWERED'> = {
  available: hasPendingObjection,
  check: (context, event) =>
    unless(
      context.pendingObjections.some((o) => o.objectionId === event.objectionId),
      () => alreadyAnswered(event.objectionId),
    ),
}

/** The branch an upheld answer takes; its refusal is never reported (isPendingObjection is tried last). */
export const isUpheldObjection: GuardSpec<'OBJECTION_ANSWERED'> = {
  available: hasPendingObjection,
  check: (context, event) =>
    isPendingObjection.check(context, event) ?? unless(event.upheld, () => OTHER_BRANCH),
}

/** A reason on the record, as every supervisory step and termination needs. */
const reasonGiven = (event: { readonly reason: string }) =>
  unless(hasText(event.reason), () => malformed('reason', 'a non-blank text'))

const SUSPENSION_SOURCE = '实施条例 Art 62: the supervisor suspends the procedure and lifts the suspension'

function suspension(code: string, message: string, limit: string): Refusal {
  return { code, message, rule: 'suspension', limit, source: SUSPENSION_SOURCE }
}

export const canSuspend: GuardSpec<'SUSPEND'> = {
  available: (context) =>
    unless(!context.suspended, () =>
      suspension('already_suspended', 'the tender is already suspended', 'not suspended'),
    ),
  check: (_context, event) => reasonGiven(event),
}

export const canResume: GuardSpec<'RESUME'> = {
  available: (context) =>
    unless(context.suspended, () => suspension('not_suspended', 'the tender is not suspended', 'suspended')),
  check: (_context, event) => reasonGiven(event),
}

export function canCancel(_context: TenderContext, event: { readonly reason: string }): Verdict {
  return reasonGiven(event)
}
