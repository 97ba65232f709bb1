// The size rule both committees share: the evaluation committee (评标委员会, 法 Art 37) and the award
// committee (定标委员会, local 评定分离 practice), each with its own pack limit and refusal code.
import type { Verdict } from './refusal.ts'
import type { CitedLimit } from './rule-pack.ts'

export interface CommitteeSize {
  readonly minSize: CitedLimit
  readonly odd: boolean
}

/** At least `minSize` members, and an odd number when the pack says so. */
export function committeeSizeRule(code: string, name: string, rule: CommitteeSize, size: number): Verdict {
  const { minSize, odd } = rule
  if (size >= minSize.value && (!odd || size % 2 === 1)) return null
  return {
    code,
    message: `the committee needs ${minSize.value} or more members${odd ? ', an odd number' : ''} (${minSize.source})`,
    rule: `${name}.minSize`,
    limit: minSize.value,
    source: minSize.source,
    field: 'members',
    details: { minSize: minSize.value, odd, size },
  }
}
