// Guards of the draft phase: EDIT and PUBLISH (法 Art 24; method and factors frozen, REGULATIONS §9).
import { impliedDeclaration } from './award-methods/implied-declaration.ts'
import { canAwardMethodDecide } from './award-methods/registry.ts'
import { hasText, isFen } from './checks.ts'
import { addLimitDays } from './day-count.ts'
import { firstRefusal, malformed, unless, type Verdict } from './refusal.ts'
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
function particularsRefusal(particulars: Partial<TenderParticulars>): Verdict {
  const { estimatedValueFen, ceilingPriceFen, category } = particulars
  if (estimatedValueFen !== undefined && !isFen(estimatedValueFen)) {
    return malformed('estimatedValueFen', 'a whole number of fen (分) as a decimal string')
  }
  if (ceilingPriceFen !== undefined && ceilingPriceFen !== null && !isFen(ceilingPriceFen)) {
    return malformed('ceilingPriceFen', 'a whole number of fen (分) as a decimal string, or null')
  }
  return unless(category === undefined || CATEGORIES.includes(category), () =>
    malformed('category', CATEGORIES.join(' | ')),
  )
}

/** The changes an EDIT carries: known particulars with a value (undefined means "not changed"). */
export function definedChanges(changes: Partial<TenderParticulars>): [string, unknown][] {
  return Object.entries(changes).filter(([, value]) => value !== undefined)
}

export function canEdit(_context: TenderContext, event: EventOf<'EDIT'>): Verdict {
  const keys = definedChanges(event.changes).map(([key]) => key)
  if (keys.length === 0) return malformed('changes', 'at least one particular')
  const unknown = keys.find((key) => !(PARTICULAR_KEYS as readonly string[]).includes(key))
  if (unknown !== undefined) return malformed(`changes.${unknown}`, `one of ${PARTICULAR_KEYS.join(', ')}`)
  return particularsRefusal(event.changes)
}

/** PUBLISH's precondition ("available now"): particulars a tender can be published with. */
export function canPublishNow(context: TenderContext): Verdict {
  if (!hasText(context.particulars.title)) return malformed('title', 'a non-blank title before publication')
  return particularsRefusal(context.particulars)
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

const FIXED_AT_PUBLICATION = 'REGULATIONS §9: the evaluation and award methods are declared in the documents'

/** The award method as a refusal the machine names: the pack's list (and this platform's) is the limit. */
function awardMethodRule(pack: RulePack, awardMethod: AwardMethod, field = 'awardMethod'): Verdict {
  const refusal = awardMethodRefusal(pack, awardMethod)
  if (refusal === null) return null
  const { available } = refusal.details
  return {
    ...refusal,
    rule: 'awardMethods',
    limit: available.join(', '),
    source: `rule pack ${pack.id} ${pack.version}; 发改法规规〔2022〕1117号 on lotteries; ${FIXED_AT_PUBLICATION}`,
    field,
  }
}

const DECLARED_AWARD =
  'REGULATIONS §5.2: the award method, its parameters and the tie-break policy are published in advance'

/**
 * The award declaration (定标办法): declared with the event, or implied from the method and the pack when
 * the method needs no parameters. Its last stage runs the tender's award method; every stage's method is
 * one the pack allows and this platform decides with.
 */
function awardDeclarationRule(pack: RulePack, event: EventOf<'PUBLISH'>): Verdict {
  const { award } = event
  if (award === undefined) {
    return unless(impliedDeclaration(event.awardMethod, pack) !== null, () => ({
      code: 'award_parameters_required',
      message: `award method ${event.awardMethod} needs its parameters declared (award.stages) before publication`,
      rule: 'declaredAward',
      limit: 'award.stages[].parameters',
      source: DECLARED_AWARD,
      field: 'award',
    }))
  }
  const stages = Array.isArray(award.stages) ? award.stages : []
  const last = stages.at(-1)
  if (last === undefined || last.parameters?.method !== event.awardMethod) {
    return malformed('award.stages', `stages whose last one runs the award method ${event.awardMethod}`)
  }
  return firstRefusal(
    ...stages.map(
      (stage, i) => () =>
        awardMethodRule(pack, stage.parameters.method, `award.stages.${i}.parameters.method`),
    ),
  )
}

/** The deadline leaves at least minBidDays after publication (法 Art 24: ≥20 days). */
function bidPeriodRule(pack: RulePack, at: string, deadline: string): Verdict {
  if (!isInstant(deadline)) return malformed('deadline', 'an ISO-8601 instant')
  const minBidDays = pack.limits.minBidDays
  const earliest = addLimitDays(at, minBidDays, pack)
  return unless(isAtOrBefore(earliest, deadline), () => ({
    code: 'deadline_too_soon',
    message: `the deadline must be at least ${minBidDays.value} days after publication (${minBidDays.source}); earliest ${earliest}`,
    rule: 'minBidDays',
    limit: minBidDays.value,
    source: minBidDays.source,
    field: 'deadline',
    details: { earliestDeadline: earliest },
  }))
}

function usableRulePack(pack: RulePack): Verdict {
  const problems = rulePackProblems(pack)
  return unless(problems.length === 0, () => ({
    code: 'invalid_rule_pack',
    message: `rule pack ${pack.id} is not usable: ${problems.join('; ')}`,
    rule: 'rulePackShape',
    limit: 'no problems',
    source: 'state-machines/rule-pack.ts: rulePackProblems',
    field: 'rulePack',
  }))
}

export function canPublish(context: TenderContext, event: EventOf<'PUBLISH'>): Verdict {
  const pack = event.rulePack
  return firstRefusal(
    () => usableRulePack(pack),
    () => bidPeriodRule(pack, event.at, event.deadline),
    () =>
      unless(pack.evaluationMethods.includes(event.evaluationMethod), () => ({
        code: 'evaluation_method_not_allowed',
        message: `rule pack ${pack.id} does not allow evaluation method ${event.evaluationMethod}`,
        rule: 'evaluationMethods',
        limit: pack.evaluationMethods.join(', '),
        source: `rule pack ${pack.id} ${pack.version}; ${FIXED_AT_PUBLICATION}`,
        field: 'evaluationMethod',
      })),
    () => awardMethodRule(pack, event.awardMethod),
    () => awardDeclarationRule(pack, event),
    () =>
      unless(event.awardFactors.length > 0 && event.awardFactors.every(hasText), () => ({
        code: 'award_factors_missing',
        message: 'name the award factors (定标要素), none blank, before publication',
        rule: 'awardFactors',
        limit: 'one or more non-blank factors',
        source: 'REGULATIONS §2 row 3: under 评定分离 the documents contain the award factors in advance',
        field: 'awardFactors',
      })),
    () => canPublishNow(context),
  )
}
