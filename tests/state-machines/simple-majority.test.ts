// The simple-majority award method (票决法) as pure functions, its tie-break, and the refusing placeholders.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AwardRound,
  designatedWinner,
  revoteCandidates,
} from '../../state-machines/award-methods/award-method.ts'
import { awardMethodRules } from '../../state-machines/award-methods/registry.ts'
import { simpleMajority, tally, topCandidates } from '../../state-machines/award-methods/simple-majority.ts'
import { AWARD_METHODS } from '../../state-machines/rule-pack.ts'

const members = ['m1', 'm2', 'm3', 'm4', 'm5']
const PRICES = { a: '3800000000', b: '3650000000', c: '3720000000' }

function meeting(votes: readonly string[], round = 1, over: Partial<AwardRound> = {}): AwardRound {
  return {
    members,
    round,
    maxRevotes: 2,
    tieBreak: 'lowestBidPrice',
    pricesFen: PRICES,
    activeCandidates: ['a', 'b', 'c'],
    ballots: votes.map((candidateBidId, i) => ({ round, memberId: members[i] ?? `x${i}`, candidateBidId })),
    ...over,
  }
}

const outcome = (m: AwardRound) => simpleMajority.outcome(m)
const designates = (m: AwardRound, bidId: string) => designatedWinner(outcome(m)) === bidId

describe('simpleMajority', () => {
  it('tallies only the current round', () => {
    const m = {
      ...meeting(['a', 'a', 'b', 'b', 'c']),
      ballots: [...meeting(['c'], 0).ballots, ...meeting(['a']).ballots],
    }
    expect(Object.fromEntries(tally(m))).toEqual({ a: 1, b: 0, c: 0 })
  })

  it('designates the unique top once every member voted', () => {
    expect(designates(meeting(['a', 'a', 'a', 'b', 'c']), 'a')).toBe(true)
    expect(designates(meeting(['a', 'a', 'a', 'b', 'c']), 'b')).toBe(false)
    expect(outcome(meeting(['a', 'a', 'a', 'b']))).toEqual({ kind: 'voting', waitingFor: ['m5'] })
  })

  it('re-votes the tied candidates while re-votes remain', () => {
    expect(revoteCandidates(outcome(meeting(['a', 'a', 'b', 'b', 'c'])))).toEqual(['a', 'b'])
    expect(revoteCandidates(outcome(meeting(['a', 'a', 'b', 'b', 'c'], 2)))).toEqual(['a', 'b'])
    expect(revoteCandidates(outcome(meeting(['a', 'a', 'b', 'b', 'c'], 3)))).toBeNull()
    expect(revoteCandidates(outcome(meeting(['a', 'a', 'a', 'b', 'c'])))).toBeNull()
  })

  it('after the last re-vote, the lowest price among the still tied wins (lowestBidPrice)', () => {
    const spent = meeting(['a', 'a', 'c', 'c', 'b'], 3)
    // c (37.2m) beats a (38m); b (36.5m, the cheapest overall) is not among the tied
    expect(outcome(spent)).toEqual({ kind: 'decided', winner: 'c', by: 'lowestBidPrice', tied: ['a', 'c'] })
    expect(designates(spent, 'b')).toBe(false)
  })

  it('deadlocks on an exact price tie, and without a declared tie-break', () => {
    const samePrice = { ...PRICES, c: PRICES.a }
    expect(outcome(meeting(['a', 'a', 'c', 'c', 'b'], 3, { pricesFen: samePrice }))).toEqual({
      kind: 'deadlocked',
      tied: ['a', 'c'],
      by: 'lowestBidPrice',
    })
    expect(outcome(meeting(['a', 'a', 'c', 'c', 'b'], 3, { tieBreak: null }))).toEqual({
      kind: 'deadlocked',
      tied: ['a', 'c'],
      by: null,
    })
  })
})

describe('simpleMajority with the tie-break: properties', () => {
  const candidates = ['a', 'b', 'c', 'd']
  const committee = fc.integer({ min: 1, max: 9 }).map((n) => Array.from({ length: n }, (_, i) => `m${i}`))
  const distinctPrices = fc.uniqueArray(fc.bigInt({ min: 1n, max: 10n ** 12n }), {
    minLength: 4,
    maxLength: 4,
  })
  const scenario = fc.record({
    committee,
    votes: fc.array(fc.constantFrom(...candidates), { minLength: 9, maxLength: 9 }),
    prices: distinctPrices,
    maxRevotes: fc.integer({ min: 0, max: 3 }),
    round: fc.integer({ min: 1, max: 5 }),
  })
  type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never
  const build = (s: Scenario, order = (i: number) => i): AwardRound => {
    const ballots = s.committee.map((memberId, i) => ({
      round: s.round,
      memberId,
      candidateBidId: s.votes[i]!,
    }))
    return {
      members: s.committee,
      round: s.round,
      maxRevotes: s.maxRevotes,
      tieBreak: 'lowestBidPrice',
      pricesFen: Object.fromEntries(candidates.map((c, i) => [c, s.prices[i]!.toString()])),
      activeCandidates: candidates,
      ballots: ballots.map((_, i) => ballots[order(i)]!),
    }
  }

  it('designates a winner among the top-voted, and never together with a re-vote', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const m = build(s)
        const result = outcome(m)
        const winner = designatedWinner(result)
        if (winner !== null) expect(topCandidates(m)).toContain(winner)
        if (winner !== null) expect(revoteCandidates(result)).toBeNull()
        expect(candidates.filter((c) => designates(m, c)).length).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('with distinct prices, a complete round is always decided once the re-votes are spent', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = outcome(build(s))
        if (s.round > s.maxRevotes) expect(result.kind).toBe('decided')
        else expect(['decided', 'revote']).toContain(result.kind)
      }),
    )
  })

  it('does not depend on the order the ballots were cast in', () => {
    const withOrder = scenario.chain((s) => {
      const indices = s.committee.map((_, i) => i)
      const shuffled = fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length })
      return shuffled.map((order) => ({ s, order }))
    })
    fc.assert(
      fc.property(withOrder, ({ s, order }) => {
        expect(outcome(build(s, (i) => order[i]!))).toEqual(outcome(build(s)))
      }),
    )
  })
})

describe('award methods not implemented yet', () => {
  it('are undecidable whatever the ballots say', () => {
    for (const method of AWARD_METHODS.filter((m) => m !== 'simpleMajority')) {
      const rules = awardMethodRules(method)
      expect(rules.implemented).toBe(false)
      expect(rules.outcome(meeting(['a', 'a', 'a', 'a', 'a']))).toEqual({ kind: 'undecidable' })
    }
  })
})
