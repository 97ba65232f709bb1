// Given a published tender, when the purchaser amends the documents, then an amendment ≥ 15 days before
// the deadline stands as is, and a later one must move the deadline: 422 amendment_needs_extension
// with the earliest allowed deadline, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublished, days, post, snapshotCounts } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const SUMMARY = '更正工程量清单第3.2项沥青混凝土路面数量'

describe('amendments', () => {
  it('accepts an amendment 21 days before the deadline without moving it', async () => {
    const tenderId = await createPublished(t)
    const before = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.deadline
    const res = await post(t, `${tenderId}/amendments`, 'purchaser', { summary: SUMMARY })
    expect(res.status).toBe(201)
    expect(res.body.event.type).toBe('AMEND')
    expect(res.body.id).toMatch(/^amd_/)
    expect(res.body.tender.deadline).toBe(before)
  })

  it('refuses an amendment 10 days before the deadline without a new one, naming the earliest', async () => {
    const tenderId = await createPublished(t)
    t.clock.advance(days(11))
    const before = await snapshotCounts(t)
    const res = await post(t, `${tenderId}/amendments`, 'purchaser', { summary: SUMMARY })
    expect(res.status).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const earliest = new Date(t.clock.now().getTime() + days(15)).toISOString()
    expect(res.body).toMatchObject({ code: 'amendment_needs_extension', earliestDeadline: earliest })
    expect(await snapshotCounts(t)).toEqual(before)

    const tooEarly = new Date(Date.parse(earliest) - 60_000).toISOString()
    const short = await post(t, `${tenderId}/amendments`, 'purchaser', {
      summary: SUMMARY,
      newDeadline: tooEarly,
    })
    expect(short.body.code).toBe('amendment_needs_extension')

    const moved = await post(t, `${tenderId}/amendments`, 'purchaser', {
      summary: SUMMARY,
      newDeadline: earliest,
    })
    expect(moved.status).toBe(201)
    expect(moved.body.tender.deadline).toBe(earliest)
  })

  it('refuses amendments from another purchaser or a bidder', async () => {
    const tenderId = await createPublished(t)
    expect((await post(t, `${tenderId}/amendments`, 'bidder1', { summary: SUMMARY })).status).toBe(403)
    expect((await post(t, `${tenderId}/amendments`, 'agent', { summary: SUMMARY })).status).toBe(403)
  })
})
