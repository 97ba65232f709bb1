// A tender that names only its method runs that method with its defaults and the pack's tie-break rules.
import { describe, expect, it } from 'vitest'
import { cnNationalBidding } from '../../src/rules/rule-packs.ts'
import {
  impliedDeclaration,
  impliedTieBreaks,
} from '../../state-machines/award-methods/implied-declaration.ts'
import type { RulePack } from '../../state-machines/rule-pack.ts'

describe('the implied award declaration', () => {
  it("is the method's default with the pack's re-votes and its lowest-price tie-break", () => {
    expect(impliedDeclaration('simpleMajority', cnNationalBidding)).toEqual({
      stages: [{ parameters: { method: 'simpleMajority', threshold: 'plurality' }, shortlist: null }],
      tieBreaks: [{ rule: 'revote', times: 2 }, { rule: 'lowerBidPrice' }],
    })
    expect(impliedDeclaration('pairwise', cnNationalBidding)?.stages[0]?.parameters).toEqual({
      method: 'pairwise',
    })
  })

  it('does not exist for a method whose parameters must be declared', () => {
    expect(impliedDeclaration('cumulative', cnNationalBidding)).toBeNull()
    expect(impliedDeclaration('priceCompetition', cnNationalBidding)).toBeNull()
  })

  it('holds no re-vote when the pack allows none, and no price rule when the pack has no tie-break', () => {
    const bare = { ...cnNationalBidding, maxRevotes: 0, tieBreak: undefined } as RulePack
    expect(impliedTieBreaks(bare)).toEqual([])
    expect(impliedTieBreaks(null)).toEqual([])
  })
})
