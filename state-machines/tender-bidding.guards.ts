// Guards of the bidding phase: questions, amendments (法 Art 23), deadline extension, closing (法 Art 28).
// Each is split into what the context and the time must allow (`available`) and what the event must
// carry (`check`); tender.event-guard.ts joins the two.
import { hasText } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import { firstRefusal, malformed, OTHER_BRANCH, type Refusal, unless, type Verdict } from './refusal.ts'
import type { TenderContext } from './tender.context.ts'
import type { GuardSpec } from './tender.event-guard.ts'
import { noRulePack } from './tender-common.guards.ts'
import { isAtOrBefore, isBefore, isInstant } from './time.ts'

const DEADLINE_SOURCE = '法 Art 28, 34: bids are taken until the deadline, and opened at it'

/** Before the bid deadline: questions, amendments and extensions stop there. */
function beforeDeadline(context: TenderContext, at: string): Verdict {
  return unless(isBefore(at, context.deadline), () => ({
    code: 'deadline_passed',
    message: `the bid deadline ${context.deadline} has passed: the tender documents are fixed`,
    rule: 'bidDeadline',
    limit: context.deadline ?? '',
    source: DEADLINE_SOURCE,
    details: { deadline: context.deadline, serverTime: at },
  }))
}

/** Questions close at the bid deadline. */
export const canAskQuestion: GuardSpec<'QUESTION_ASKED'> = {
  available: beforeDeadline,
  check: (context, event) =>
    unless(
      hasText(event.questionId) && !context.questions.some((q) => q.questionId === event.questionId),
      () => malformed('questionId', 'a new question id'),
    ),
}

function alreadyAnswered(questionId: string | null): Refusal {
  return {
    code: 'already_answered',
    message: questionId === null ? 'every question is answered' : `question ${questionId} awaits no answer`,
    rule: 'questionAnswer',
    limit: 'an unanswered question',
    source: '实施条例 Art 21: the tenderee answers (澄清) the questions on its documents',
    field: 'questionId',
    conflict: true,
  }
}

export const canAnswerQuestion: GuardSpec<'QUESTION_ANSWERED'> = {
  available: (context) =>
    unless(
      context.questions.some((q) => !q.answered),
      () => alreadyAnswered(null),
    ),
  check: (context, event) =>
    unless(
      context.questions.some((q) => q.questionId === event.questionId && !q.answered),
      () => alreadyAnswered(event.questionId),
    ),
}

/** Deadlines only ever move later (顺延, 法 Art 23; 条例 Art 21): bids already made rely on the current one. */
function deadlineNotLater(context: TenderContext): Refusal {
  return {
    code: 'deadline_not_later',
    message: `a new deadline must be later than the current one, ${context.deadline}`,
    rule: 'deadlineOnlyLater',
    limit: context.deadline ?? '',
    source: '法 Art 23; 实施条例 Art 21: the deadline is extended (顺延), never brought forward',
    field: 'newDeadline',
  }
}

/** A new deadline: a valid instant, later than the current one. */
function laterDeadline(context: TenderContext, newDeadline: string): Verdict {
  if (!isInstant(newDeadline)) return malformed('newDeadline', 'an ISO-8601 instant')
  return unless(isBefore(context.deadline, newDeadline), () => deadlineNotLater(context))
}

/**
 * An amendment (澄清/修改) less than `amendmentLeadDays` before the deadline must move the deadline to
 * at least that far after the amendment (法 Art 23, 条例 Art 21); an earlier one may move it later.
 * Amendments stop at the deadline itself: after it the sealed bid set is fixed.
 */
export const canAmend: GuardSpec<'AMEND'> = {
  available: (context, at) => (context.rulePack === null ? noRulePack() : beforeDeadline(context, at)),
  check: (context, event) => {
    const pack = context.rulePack
    if (pack === null) return noRulePack()
    const fresh = hasText(event.amendmentId) && !context.amendmentIds.includes(event.amendmentId)
    if (!fresh) return malformed('amendmentId', 'a new amendment id')
    if (!hasText(event.summary)) return malformed('summary', 'a non-blank text')
    if (event.newDeadline !== null) {
      const later = laterDeadline(context, event.newDeadline)
      if (later !== null) return later
    }
    const lead = pack.limits.amendmentLeadDays
    const earliest = addLimitDays(event.at, lead, pack)
    const deadline = event.newDeadline ?? context.deadline
    return unless(isAtOrBefore(earliest, deadline), () => ({
      code: 'amendment_needs_extension',
      message: `an amendment less than ${lead.value} days before the deadline must move the deadline to ${earliest} or later (${lead.source})`,
      rule: 'amendmentLeadDays',
      limit: lead.value,
      source: lead.source,
      field: 'newDeadline',
      details: { deadline: context.deadline, earliestDeadline: earliest },
    }))
  },
}

export const canExtendDeadline: GuardSpec<'EXTEND_DEADLINE'> = {
  available: beforeDeadline,
  check: (context, event) =>
    firstRefusal(
      () => laterDeadline(context, event.newDeadline),
      () => unless(hasText(event.reason), () => malformed('reason', 'a non-blank text')),
    ),
}

export const canCloseBidding: GuardSpec<'CLOSE_BIDDING'> = {
  available: (context, at) => {
    if (context.rulePack === null) return noRulePack()
    return unless(isAtOrBefore(context.deadline, at), () => ({
      code: 'deadline_not_reached',
      message: `bidding closes at the deadline ${context.deadline}, not before`,
      rule: 'bidDeadline',
      limit: context.deadline ?? '',
      source: DEADLINE_SOURCE,
      details: { deadline: context.deadline, serverTime: at },
    }))
  },
  check: (_context, event) =>
    firstRefusal(
      () =>
        unless(Number.isInteger(event.bidCount) && event.bidCount >= 0, () =>
          malformed('bidCount', 'a whole number ≥ 0'),
        ),
      () => unless(hasText(event.bidSetHash), () => malformed('bidSetHash', 'a non-blank hash')),
    ),
}

/**
 * 流标: fewer bids than the pack's minimum at the deadline (法 Art 28; 条例 Art 44). A branch, not a
 * refusal: with enough bids canCloseBidding takes the event, and its refusal is the one reported.
 */
export const closesWithTooFewBids: GuardSpec<'CLOSE_BIDDING'> = {
  available: canCloseBidding.available,
  check: (context, event) => {
    const minBids = context.rulePack?.limits.minBids.value ?? Number.POSITIVE_INFINITY
    return canCloseBidding.check(context, event) ?? unless(event.bidCount < minBids, () => OTHER_BRANCH)
  },
}
