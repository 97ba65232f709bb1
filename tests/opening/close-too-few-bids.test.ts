// Given fewer live bids than the rule pack's minimum (3) at the deadline, when bidding closes, then the
// tender fails (流标) and records the count and bid-set hash; before the deadline closing is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bidSetHash } from '../../src/opening/bid-set-hash.ts'
import { bearer, createPublished, eventCount, passDeadline, post, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('closing bidding', () => {
  it('refuses before the deadline with 422 deadline_not_reached and writes nothing', async () => {
    const tenderId = await createPublished(t)
    const before = await eventCount(t)
    const res = await post(t, `${tenderId}/close-bidding`, 'operator')
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'deadline_not_reached', serverTime: t.clock.now().toISOString() })
    expect(await eventCount(t)).toBe(before)
  })

  it('fails the tender with two live bids, counting neither replaced nor withdrawn ones', async () => {
    const tenderId = await createPublished(t)
    const kept = await submitOk(t, tenderId, 'bidder1')
    await submitOk(t, tenderId, 'bidder2')
    const latest = await submitOk(t, tenderId, 'bidder2')
    const gone = await submitOk(t, tenderId, 'bidder3')
    await t.http
      .delete(`/api/v1/tenders/${tenderId}/bids/${gone.id}`)
      .set('authorization', await bearer(t, 'bidder3'))
    await passDeadline(t, tenderId)

    const res = await post(t, `${tenderId}/close-bidding`, 'purchaser')
    expect(res.status).toBe(200)
    expect(res.body.event.type).toBe('CLOSE_BIDDING')
    expect(res.body.tender).toMatchObject({
      state: 'failed',
      failureReason: 'insufficientBids',
      bidCount: 2,
      bidSetHash: bidSetHash([kept.ciphertextSha256, latest.ciphertextSha256]),
    })
    const opening = await t.http.get(`/api/v1/tenders/${tenderId}/opening`)
    expect(opening.status).toBe(409)
    expect(opening.body.code).toBe('not_opened')
  })

  it('refuses a bidder closing bidding', async () => {
    const tenderId = await createPublished(t)
    await passDeadline(t, tenderId)
    const res = await post(t, `${tenderId}/close-bidding`, 'bidder1')
    expect(res.status).toBe(403)
    expect(res.body.code).toBe('forbidden')
  })
})
