// Guards of the bidding phase: questions, amendments (法 Art 23), deadline extension, closing (法 Art 28).
import { hasText } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import { isAtOrBefore, isBefore, isInstant } from './time.ts'

/** Questions close at the bid deadline. */
export function canAskQuestion(context: TenderContext, event: EventOf<'QUESTION_ASKED'>): boolean {
  return (
    hasText(event.questionId) &&
    !context.questions.some((q) => q.questionId === event.questionId) &&
    isBefore(event.at, context.deadline)
  )
}

export function canAnswerQuestion(context: TenderContext, event: EventOf<'QUESTION_ANSWERED'>): boolean {
  return context.questions.some((q) => q.questionId === event.questionId && !q.answered)
}

/**
 * An amendment (澄清/修改) less than `amendmentLeadDays` before the deadline must move the deadline to
 * at least that far after the amendment (法 Art 23, 条例 Art 21); an earlier one may move it later.
 * Amendments stop at the deadline itself: after it the sealed bid set is fixed.
 */
export function canAmend(context: TenderContext, event: EventOf<'AMEND'>): boolean {
  const pack = context.rulePack
  if (pack === null || !hasText(event.amendmentId) || !hasText(event.summary)) return false
  if (context.amendmentIds.includes(event.amendmentId) || !isBefore(event.at, context.deadline)) return false
  const leadEnd = addLimitDays(event.at, pack.limits.amendmentLeadDays, pack)
  const tooLate = isBefore(context.deadline, leadEnd)
  if (event.newDeadline === null) return !tooLate
  if (!isInstant(event.newDeadline)) return false
  return tooLate ? isAtOrBefore(leadEnd, event.newDeadline) : isBefore(context.deadline, event.newDeadline)
}

export function canExtendDeadline(context: TenderContext, event: EventOf<'EXTEND_DEADLINE'>): boolean {
  return (
    isBefore(event.at, context.deadline) &&
    isInstant(event.newDeadline) &&
    isBefore(context.deadline, event.newDeadline) &&
    hasText(event.reason)
  )
}

export function canCloseBidding(context: TenderContext, event: EventOf<'CLOSE_BIDDING'>): boolean {
  return (
    context.rulePack !== null &&
    isAtOrBefore(context.deadline, event.at) &&
    Number.isInteger(event.bidCount) &&
    event.bidCount >= 0 &&
    hasText(event.bidSetHash)
  )
}

/** 流标: fewer bids than the pack's minimum at the deadline (法 Art 28; 条例 Art 44). */
export function closesWithTooFewBids(context: TenderContext, event: EventOf<'CLOSE_BIDDING'>): boolean {
  const minBids = context.rulePack?.limits.minBids.value ?? Number.POSITIVE_INFINITY
  return canCloseBidding(context, event) && event.bidCount < minBids
}
