// GET /api/v1/rule-packs and …/{id}: public, every limit with its source, 404 problem for an unknown id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RULE_PACK_IDS } from '../../src/rules/rule-packs.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('rule packs over HTTP', () => {
  it('lists every shipped pack to an anonymous reader, each limit cited', async () => {
    const res = await t.http.get('/api/v1/rule-packs')
    expect(res.status).toBe(200)
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([...RULE_PACK_IDS])
    for (const pack of res.body.items) {
      expect(Object.keys(pack.limits).length).toBeGreaterThanOrEqual(8)
      for (const limit of Object.values(pack.limits) as { value: number; source: string }[]) {
        expect(Number.isInteger(limit.value)).toBe(true)
        expect(limit.source.length).toBeGreaterThan(0)
      }
    }
  })

  it('answers one pack with its committees, methods, day counting and credit policy', async () => {
    const res = await t.http.get('/api/v1/rule-packs/cn-national-gp')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: 'cn-national-gp',
      regime: 'government-procurement',
      dayCounting: 'working',
      lotteryAllowed: false,
      limits: { minBidDays: { value: 20, counting: 'calendar', confidence: 'V' } },
      evaluationCommittee: { minSize: { value: expect.any(Number) }, odd: true },
      candidates: { min: { source: expect.any(String) }, max: { source: expect.any(String) } },
      credit: { cutoff: { value: 'bidDeadline' }, lists: { biddingBan: { value: 'refuse' } } },
    })
    expect(res.body.awardMethods.length).toBeGreaterThan(0)
    // The re-vote limit and the tie-break after it are cited like every other limit.
    expect(res.body.maxRevotes).toMatchObject({ value: 2, source: expect.any(String), confidence: 'U' })
    expect(res.body.tieBreak).toMatchObject({ value: 'lowestBidPrice', source: expect.any(String) })
  })

  it('answers an unknown id with a 404 problem naming the known ones', async () => {
    const res = await t.http.get('/api/v1/rule-packs/cn-nowhere')
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.body.code).toBe('unknown_rule_pack')
    expect(res.body.detail).toContain('cn-national-bidding')
  })
})
