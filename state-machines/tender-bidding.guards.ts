// Guards of the bidding phase: questions, amendments (法 Art 23), deadline extension, closing (法 Art 28).
// Each is split into what the context and the time must allow (`available`) and what the event must
// carry (`check`); tender.event-guard.ts joins the two.
import { hasText } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import type { Refusal } from './refusal.ts'
import type { TenderContext } from './tender.context.ts'
import type { GuardSpec } from './tender.event-guard.ts'
import { isAtOrBefore, isBefore, isInstant } from './time.ts'

/** Before the bid deadline: questions, amendments and extensions stop there. */
const beforeDeadline = (context: TenderContext, at: string) => isBefore(at, context.deadline)

/** Questions close at the bid deadline. */
export const canAskQuestion: GuardSpec<'QUESTION_ASKED'> = {
  available: beforeDeadline,
  check: (context, event) =>
    hasText(event.questionId) && !context.questions.some((q) => q.questionId === event.questionId),
}

export const canAnswerQuestion: GuardSpec<'QUESTION_ANSWERED'> = {
  available: (context) => context.questions.some((q) => !q.answered),
  check: (context, event) => context.questions.some((q) => q.questionId === event.questionId && !q.answered),
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

/**
 * An amendment (澄清/修改) less than `amendmentLeadDays` before the deadline must move the deadline to
 * at least that far after the amendment (法 Art 23, 条例 Art 21); an earlier one may move it later.
 * Amendments stop at the deadline itself: after it the sealed bid set is fixed.
 */
export const canAmend: GuardSpec<'AMEND'> = {
  available: (context, at) => context.rulePack !== null && beforeDeadline(context, at),
  check: (context, event) => {
    const pack = context.rulePack
    if (pack === null || !hasText(event.amendmentId) || !hasText(event.summary)) return false
    if (context.amendmentIds.includes(event.amendmentId)) return false
    const leadEnd = addLimitDays(event.at, pack.limits.amendmentLeadDays, pack)
    const tooLate = isBefore(context.deadline, leadEnd)
    if (event.newDeadline === null) return !tooLate
    if (!isInstant(event.newDeadline)) return false
    if (!isBefore(context.deadline, event.newDeadline)) return deadlineNotLater(context)
    return !tooLate || isAtOrBefore(leadEnd, event.newDeadline)
  },
}

export const canExtendDeadline: GuardSpec<'EXTEND_DEADLINE'> = {
  available: beforeDeadline,
  check: (context, event) => {
    if (!isInstant(event.newDeadline)) return false
    if (!isBefore(context.deadline, event.newDeadline)) return deadlineNotLater(context)
    return hasText(event.reason)
  },
}

export const canCloseBidding: GuardSpec<'CLOSE_BIDDING'> = {
  available: (context, at) => context.rulePack !== null && isAtOrBefore(context.deadline, at),
  check: (_context, event) =>
    Number.isInteger(event.bidCount) && event.bidCount >= 0 && hasText(event.bidSetHash),
}

/** 流标: fewer bids than the pack's minimum at the deadline (法 Art 28; 条例 Art 44). */
export const closesWithTooFewBids: GuardSpec<'CLOSE_BIDDING'> = {
  available: canCloseBidding.available,
  check: (context, event) => {
    const minBids = context.rulePack?.limits.minBids.value ?? Number.POSITIVE_INFINITY
    return canCloseBidding.check(context, event) === true && event.bidCount < minBids
  },
}
