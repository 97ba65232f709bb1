// Placeholder rules for award methods whose algorithm is not written yet (pairwise, round elimination,
// cumulative, collective deliberation, price competition, lottery). PUBLISH refuses them; a tender
// published with one before that refusal existed can never be decided by accident.
import type { AwardMethod } from '../rule-pack.ts'
import type { AwardMethodRules } from './award-method.ts'

export function notImplemented(method: AwardMethod): AwardMethodRules {
  return { method, implemented: false, outcome: () => ({ kind: 'undecidable' }) }
}
