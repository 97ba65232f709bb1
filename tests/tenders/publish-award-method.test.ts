// Given a draft, when the purchaser publishes with an award method that cannot decide yet, then the
// publication is refused with a 422 naming the method and the methods that can decide now; nothing is
// recorded and the tender stays a draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDraft, eventCount, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const asPurchaser = async () => `Bearer ${await t.token('purchaser')}`
const publish = async (id: string, body: Record<string, unknown>) =>
  t.http
    .post(`/api/v1/tenders/${id}/publish`)
    .set('authorization', await asPurchaser())
    .send(body)

describe('publishing with an award method that cannot decide', () => {
  it.each([
    ['pairwise', 'cn-national-bidding'],
    ['roundElimination', 'cn-national-bidding'],
    ['cumulative', 'guangdong-foshan-pingding'],
    ['collectiveDeliberation', 'cn-national-gp'],
    ['priceCompetition', 'guangdong-foshan-pingding'],
  ])('refuses %s (allowed by %s) as not yet implemented', async (awardMethod, rulePackId) => {
    const id = await createDraft(t)
    const before = await eventCount(t)
    const res = await publish(id, { ...publishBody(t), awardMethod, rulePackId })
    expect(res.status).toBe(422)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.body).toMatchObject({ code: 'award_method_not_available', awardMethod })
    expect(res.body.available).toEqual(['simpleMajority'])
    expect(res.body.detail).toContain(`award method ${awardMethod} is not yet implemented on this platform`)
    expect(res.body.detail).toContain('methods that can decide now: simpleMajority')
    expect(await eventCount(t)).toBe(before)
    const tender = await t.http.get(`/api/v1/tenders/${id}`).set('authorization', await asPurchaser())
    expect(tender.body.state).toBe('draft')
  })

  it('refuses lottery, which no shipped pack allows, and still publishes simpleMajority', async () => {
    const lottery = await publish(await createDraft(t), { ...publishBody(t), awardMethod: 'lottery' })
    expect(lottery.body).toMatchObject({ code: 'method_not_allowed', available: ['simpleMajority'] })
    const ok = await publish(await createDraft(t), publishBody(t))
    expect(ok.status).toBe(200)
  })
})
