// Guards of the draft phase: EDIT and PUBLISH (法 Art 24; method and factors frozen, REGULATIONS §9).
import { hasText, isFen } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import { rulePackProblems } from './rule-pack.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import type { TenderParticulars } from './tender.events.ts'
import { isAtOrBefore, isInstant } from './time.ts'

export const PARTICULAR_KEYS: readonly (keyof TenderParticulars)[] = [
  'title',
  'reference',
  'description',
  'category',
  'estimatedValueFen',
  'ceilingPriceFen',
]

const CATEGORIES: readonly TenderParticulars['category'][] = ['works', 'goods', 'services']

/** Field-level checks on (possibly partial) particulars: money in fen, a known category. */
function particularsAreWellFormed(particulars: Partial<TenderParticulars>): boolean {
  const { estimatedValueFen, ceilingPriceFen, category } = particulars
  if (estimatedValueFen !== undefined && !isFen(estimatedValueFen)) return false
  if (ceilingPriceFen !== undefined && ceilingPriceFen !== null && !isFen(ceilingPriceFen)) return false
  return category === undefined || CATEGORIES.includes(category)
}

/** The changes an EDIT carries: known particulars with a value (undefined means "not changed"). */
export function definedChanges(changes: Partial<TenderParticulars>): [string, unknown][] {
  return Object.entries(changes).filter(([, value]) => value !== undefined)
}

export function canEdit(_context: TenderContext, event: EventOf<'EDIT'>): boolean {
  const keys = definedChanges(event.changes).map(([key]) => key)
  return (
    keys.length > 0 &&
    keys.every((key) => (PARTICULAR_KEYS as readonly string[]).includes(key)) &&
    particularsAreWellFormed(event.changes)
  )
}

/** PUBLISH's precondition ("available now"): particulars a tender can be published with. */
export function canPublishNow(context: TenderContext): boolean {
  return hasText(context.particulars.title) && particularsAreWellFormed(context.particulars)
}

export function canPublish(context: TenderContext, event: EventOf<'PUBLISH'>): boolean {
  const pack = event.rulePack
  if (rulePackProblems(pack).length > 0 || !isInstant(event.deadline)) return false
  const earliestDeadline = addLimitDays(event.at, pack.limits.minBidDays, pack)
  return (
    isAtOrBefore(earliestDeadline, event.deadline) &&
    pack.evaluationMethods.includes(event.evaluationMethod) &&
    pack.awardMethods.includes(event.awardMethod) &&
    (event.awardMethod !== 'lottery' || pack.lotteryAllowed) &&
    event.awardFactors.length > 0 &&
    event.awardFactors.every(hasText) &&
    hasText(context.particulars.title) &&
    particularsAreWellFormed(context.particulars)
  )
}
