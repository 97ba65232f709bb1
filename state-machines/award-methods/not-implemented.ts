// Placeholder rules for award methods whose algorithm is not written yet (pairwise, round elimination,
// cumulative, collective deliberation, price competition, lottery). They refuse everything, so a tender
// published with such a method can never be decided by accident.
import type { AwardMethod } from '../rule-pack.ts'
import type { AwardMethodRules } from './award-method.ts'

export function notImplemented(method: AwardMethod): AwardMethodRules {
  return {
    method,
    implemented: false,
    revoteCandidates: () => null,
    designates: () => false,
  }
}
