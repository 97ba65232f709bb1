// The shipped rule packs: structurally valid, every limit cited, and the registry finds them.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RULE_PACK_ID,
  getRulePack,
  listRulePacks,
  RULE_PACK_IDS,
} from '../../src/rules/rule-packs.ts'
import { rulePackProblems } from '../../state-machines/rule-pack.ts'

const packs = listRulePacks()

describe('rule pack registry', () => {
  it('lists every id, finds each pack by its id, and nothing else', () => {
    expect(packs.map((p) => p.id)).toEqual([...RULE_PACK_IDS])
    for (const id of RULE_PACK_IDS) expect(getRulePack(id)?.id).toBe(id)
    expect(getRulePack('nowhere')).toBeUndefined()
    expect(getRulePack('toString')).toBeUndefined()
  })

  it('defaults to the national bidding-law pack', () => {
    expect(DEFAULT_RULE_PACK_ID).toBe('cn-national-bidding')
    expect(getRulePack(DEFAULT_RULE_PACK_ID)?.regime).toBe('bidding-law')
  })
})

describe.each(packs.map((p) => [p.id, p] as const))('%s', (_id, pack) => {
  it('has no structural problems', () => {
    expect(rulePackProblems(pack)).toEqual([])
  })

  it('cites a source for every limit', () => {
    const limits = [
      ...Object.values(pack.limits),
      pack.evaluationCommittee.minSize,
      pack.awardCommittee.minSize,
      pack.awardQuorum!,
      pack.candidates.min,
      pack.candidates.max,
    ]
    for (const limit of limits) {
      expect(limit.source.trim().length).toBeGreaterThan(0)
      expect(['V', 'S', 'U']).toContain(limit.confidence)
      if (limit.confidence === 'U') expect(limit.source).toMatch(/unverified/i)
    }
  })

  it('declares the award meeting’s quorum: every drawn member present, and a committee of the minimum size', () => {
    expect(pack.awardQuorum?.value).toBe(pack.awardCommittee.minSize.value)
    expect(pack.awardQuorum?.source).toContain('REGULATIONS §5.1')
    expect(rulePackProblems({ ...pack, awardQuorum: { ...pack.awardQuorum!, value: 0 } })).toEqual([
      'awardQuorum must be a whole number from 1 to awardCommittee.minSize, with a source',
    ])
    const { awardQuorum: _older, ...older } = pack
    expect(rulePackProblems(older)).toEqual([])
  })

  it('keeps lottery off (发改法规规〔2022〕1117号)', () => {
    expect(pack.lotteryAllowed).toBe(false)
    expect(pack.awardMethods).not.toContain('lottery')
  })
})

describe('pack specifics', () => {
  it('national bidding: calendar days, 20/15/10 days, 3 bids, committee of 5+, up to 3 ranked', () => {
    const pack = getRulePack('cn-national-bidding')!
    expect(pack.dayCounting).toBe('calendar')
    expect(pack.limits.minBidDays.value).toBe(20)
    expect(pack.limits.amendmentLeadDays.value).toBe(15)
    expect(pack.limits.objectionLeadDays.value).toBe(10)
    expect(pack.limits.minBids.value).toBe(3)
    expect(pack.limits.contractDays.value).toBe(30)
    expect(pack.evaluationCommittee).toMatchObject({ minSize: { value: 5 }, odd: true })
    expect(pack.candidates).toMatchObject({ max: { value: 3 }, ranked: true })
  })

  it('national GP: working days, but the statutory 日 limits counted in calendar days', () => {
    const pack = getRulePack('cn-national-gp')!
    expect(pack.dayCounting).toBe('working')
    expect(pack.limits.minBidDays.counting).toBe('calendar')
    expect(pack.limits.contractDays.counting).toBe('calendar')
    expect(pack.limits.resultPublicityDays).toMatchObject({ value: 1, confidence: 'V' })
  })

  it('Foshan: unranked 3–7 candidates, award committee of 7+, local numbers unverified', () => {
    const pack = getRulePack('guangdong-foshan-pingding')!
    expect(pack.candidates).toMatchObject({
      min: { value: 3, confidence: 'U' },
      max: { value: 7, confidence: 'U' },
    })
    expect(pack.candidates.ranked).toBe(false)
    expect(pack.awardCommittee).toMatchObject({ minSize: { value: 7, confidence: 'U' }, odd: true })
  })
})
