// Guards of the draft phase: EDIT and PUBLISH (法 Art 24; method and factors frozen, REGULATIONS §9).
import { canAwardMethodDecide } from './award-methods/registry.ts'
import { hasText, isFen } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import { type AwardMethod, type RulePack, rulePackProblems } from './rule-pack.ts'
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

/** Why PUBLISH refuses an award method, in words the purchaser reads; the command sends it as a 422. */
export interface AwardMethodRefusal {
  readonly code: 'method_not_allowed' | 'award_method_not_available'
  readonly message: string
  readonly details: {
    readonly awardMethod: AwardMethod
    /** What the pack allows, and the part of it this platform can decide with now. */
    readonly allowed: readonly AwardMethod[]
    readonly available: readonly AwardMethod[]
  }
}

/**
 * The award method must be one the pack allows (lottery only where it is allowed) and one this platform
 * can decide with: a tender published with a method that never designates a winner could only die.
 */
export function awardMethodRefusal(pack: RulePack, awardMethod: AwardMethod): AwardMethodRefusal | null {
  const allowed = pack.awardMethods.filter((method) => method !== 'lottery' || pack.lotteryAllowed)
  const available = allowed.filter(canAwardMethodDecide)
  const details = { awardMethod, allowed, available }
  const offer = `methods that can decide now: ${available.join(', ') || 'none'}`
  if (!allowed.includes(awardMethod)) {
    const message = `rule pack ${pack.id} does not allow award method ${awardMethod}; ${offer}`
    return { code: 'method_not_allowed', message, details }
  }
  if (!available.includes(awardMethod)) {
    const message = `award method ${awardMethod} is not yet implemented on this platform, so a tender published with it could never be decided; ${offer}`
    return { code: 'award_method_not_available', message, details }
  }
  return null
}

export function canPublish(context: TenderContext, event: EventOf<'PUBLISH'>): boolean {
  const pack = event.rulePack
  if (rulePackProblems(pack).length > 0 || !isInstant(event.deadline)) return false
  const earliestDeadline = addLimitDays(event.at, pack.limits.minBidDays, pack)
  return (
    isAtOrBefore(earliestDeadline, event.deadline) &&
    pack.evaluationMethods.includes(event.evaluationMethod) &&
    awardMethodRefusal(pack, event.awardMethod) === null &&
    event.awardFactors.length > 0 &&
    event.awardFactors.every(hasText) &&
    hasText(context.particulars.title) &&
    particularsAreWellFormed(context.particulars)
  )
}
