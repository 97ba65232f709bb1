// Which rules apply for each award method. Add a method by writing its file and listing it here.
import type { AwardMethod } from '../rule-pack.ts'
import type { AwardMethodRules } from './award-method.ts'
import { notImplemented } from './not-implemented.ts'
import { simpleMajority } from './simple-majority.ts'

const AWARD_METHOD_RULES: Readonly<Record<AwardMethod, AwardMethodRules>> = {
  simpleMajority,
  pairwise: notImplemented('pairwise'),
  roundElimination: notImplemented('roundElimination'),
  cumulative: notImplemented('cumulative'),
  collectiveDeliberation: notImplemented('collectiveDeliberation'),
  priceCompetition: notImplemented('priceCompetition'),
  lottery: notImplemented('lottery'),
}

export function awardMethodRules(method: AwardMethod): AwardMethodRules {
  return AWARD_METHOD_RULES[method]
}

/** Whether the method's rules can designate a winner on this platform now. */
export function canAwardMethodDecide(method: AwardMethod): boolean {
  return AWARD_METHOD_RULES[method].implemented
}
