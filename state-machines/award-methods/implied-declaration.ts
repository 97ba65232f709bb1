// The award a tender declares when its PUBLISH names only the method (every tender published before
// declarations existed, and clients that send only `awardMethod`): the method's default parameters and
// the pack's re-vote limit and tie-break as the policy. Methods whose parameters cannot be defaulted
// (cumulative's points, price competition's rule) have no implied declaration: the purchaser declares them.
import { type AwardMethod, type RulePack, revoteLimit, tieBreakOf } from '../rule-pack.ts'
import type { AwardDeclaration, AwardMethodParameters, TieBreakStep } from './declaration.ts'

/** The parameters a method runs with when none were declared, or null when it needs them declared. */
export function impliedParameters(method: AwardMethod): AwardMethodParameters | null {
  switch (method) {
    case 'simpleMajority':
      return { method, threshold: 'plurality' }
    case 'pairwise':
    case 'roundElimination':
    case 'collectiveDeliberation':
    case 'lottery':
      return { method }
    case 'cumulative':
    case 'priceCompetition':
      return null
  }
}

/** The pack's tie-break rules as a declared policy: its re-votes, then its tie-break if it has one. */
export function impliedTieBreaks(pack: RulePack | null): TieBreakStep[] {
  const times = revoteLimit(pack).value
  const steps: TieBreakStep[] = times > 0 ? [{ rule: 'revote', times }] : []
  if (tieBreakOf(pack)?.value === 'lowestBidPrice') steps.push({ rule: 'lowerBidPrice' })
  return steps
}

/** One stage of `method` with its default parameters and the pack's policy; null when it has none. */
export function impliedDeclaration(method: AwardMethod, pack: RulePack | null): AwardDeclaration | null {
  const parameters = impliedParameters(method)
  if (parameters === null) return null
  return { stages: [{ parameters, shortlist: null }], tieBreaks: impliedTieBreaks(pack) }
}
