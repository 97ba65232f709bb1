// The simple-majority award method (票决法) as pure functions, and the refusing placeholders.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AwardRound } from '../../state-machines/award-methods/award-method.ts'
import { awardMethodRules } from '../../state-machines/award-methods/registry.ts'
import { simpleMajority, tally, topCandidates } from '../../state-machines/award-methods/simple-majority.ts'
import { AWARD_METHODS } from '../../state-machines/rule-pack.ts'

const members = ['m1', 'm2', 'm3', 'm4', 'm5']

function meeting(votes: readonly string[], round = 1, maxRevotes = 2): AwardRound {
  return {
    members,
    round,
    maxRevotes,
    activeCandidates: ['a', 'b', 'c'],
    ballots: votes.map((candidateBidId, i) => ({ round, memberId: members[i] ?? `x${i}`, candidateBidId })),
  }
}

describe('simpleMajority', () => {
  it('tallies only the current round', () => {
    const m = {
      ...meeting(['a', 'a', 'b', 'b', 'c']),
      ballots: [...meeting(['c'], 0).ballots, ...meeting(['a']).ballots],
    }
    expect(Object.fromEntries(tally(m))).toEqual({ a: 1, b: 0, c: 0 })
  })

  it('designates the unique top once every member voted', () => {
    expect(simpleMajority.designates(meeting(['a', 'a', 'a', 'b', 'c']), 'a')).toBe(true)
    expect(simpleMajority.designates(meeting(['a', 'a', 'a', 'b', 'c']), 'b')).toBe(false)
    expect(simpleMajority.designates(meeting(['a', 'a', 'a', 'b']), 'a')).toBe(false)
  })

  it('re-votes the tied candidates while re-votes remain', () => {
    expect(simpleMajority.revoteCandidates(meeting(['a', 'a', 'b', 'b', 'c']))).toEqual(['a', 'b'])
    expect(simpleMajority.revoteCandidates(meeting(['a', 'a', 'b', 'b', 'c'], 3))).toBeNull()
    expect(simpleMajority.revoteCandidates(meeting(['a', 'a', 'a', 'b', 'c']))).toBeNull()
  })

  it('never both designates a winner and calls for a re-vote', () => {
    const votes = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 5, maxLength: 5 })
    fc.assert(
      fc.property(votes, fc.integer({ min: 1, max: 4 }), (cast, round) => {
        const m = meeting(cast, round)
        const winners = ['a', 'b', 'c'].filter((c) => simpleMajority.designates(m, c))
        const revote = simpleMajority.revoteCandidates(m)
        expect(winners.length).toBeLessThanOrEqual(1)
        expect(winners.length === 1 && revote !== null).toBe(false)
        expect(winners.length === 1 || revote !== null || round > 2).toBe(true)
        if (winners[0] !== undefined) expect(topCandidates(m)).toEqual(winners)
      }),
    )
  })
})

describe('award methods not implemented yet', () => {
  it('refuse to designate or re-vote', () => {
    for (const method of AWARD_METHODS.filter((m) => m !== 'simpleMajority')) {
      const rules = awardMethodRules(method)
      expect(rules.implemented).toBe(false)
      expect(rules.designates(meeting(['a', 'a', 'a', 'a', 'a']), 'a')).toBe(false)
      expect(rules.revoteCandidates(meeting(['a', 'a', 'b', 'b', 'c']))).toBeNull()
    }
  })
})
