// Given a tender whose deadline has passed, when a bidder submits or withdraws, then 409 bidding_closed
// with the deadline and the server time, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, createPublished, days, snapshotCounts, submit, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('bids after the deadline', () => {
  it('refuses a bid at the deadline instant and after it', async () => {
    const tenderId = await createPublished(t)
    const deadline = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.deadline as string
    t.clock.set(deadline)
    const before = await snapshotCounts(t)
    const atDeadline = await submit(t, tenderId, 'bidder1')
    expect(atDeadline.status).toBe(409)
    expect(atDeadline.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(atDeadline.body).toMatchObject({ code: 'bidding_closed', deadline, serverTime: deadline })

    t.clock.advance(days(1))
    const late = await submit(t, tenderId, 'bidder1')
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({
      code: 'bidding_closed',
      deadline,
      serverTime: t.clock.now().toISOString(),
    })
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('refuses a withdrawal after the deadline and keeps the bid live', async () => {
    const tenderId = await createPublished(t)
    const bid = await submitOk(t, tenderId, 'bidder2')
    t.clock.advance(days(22))
    const before = await snapshotCounts(t)
    const res = await t.http
      .delete(`/api/v1/tenders/${tenderId}/bids/${bid.id}`)
      .set('authorization', await bearer(t, 'bidder2'))
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('bidding_closed')
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('refuses bids on a cancelled tender', async () => {
    const tenderId = await createPublished(t)
    await t.http
      .post(`/api/v1/tenders/${tenderId}/cancel`)
      .set('authorization', await bearer(t, 'purchaser'))
      .send({ reason: '项目资金安排调整' })
    const res = await submit(t, tenderId, 'bidder1')
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'bidding_closed', state: 'cancelled' })
  })

  it('refuses bids while the supervisor has suspended the tender', async () => {
    const tenderId = await createPublished(t)
    await t.http
      .post(`/api/v1/tenders/${tenderId}/suspend`)
      .set('authorization', await bearer(t, 'supervisor'))
      .send({ reason: '收到投诉，暂停招标活动' })
    const res = await submit(t, tenderId, 'bidder1')
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('tender_suspended')
  })
})
