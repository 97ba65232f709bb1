// Given a published tender with amendments, when a bidder, an anonymous reader or another purchaser's
// staff reads GET …/amendments, then each sees every amendment with its seq, date and new deadline;
// a draft stays hidden (404) from all but its purchaser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDraft, createPublished, days, get, post } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const FIRST = '更正工程量清单第3.2项沥青混凝土路面数量'
const SECOND = '补充图纸第14页排水管径说明'

async function amend(tenderId: string, body: Record<string, unknown>) {
  const res = await post(t, `${tenderId}/amendments`, 'purchaser', body)
  if (res.status !== 201) throw new Error(`amend failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as { event: { seq: number }; tender: { deadline: string } }
}

describe('reading amendments', () => {
  it('shows every amendment, with its date and any new deadline, to bidders, the public and others', async () => {
    const tenderId = await createPublished(t)
    t.clock.advance(days(1))
    const firstAt = t.clock.now().toISOString()
    const first = await amend(tenderId, { summary: FIRST })
    t.clock.advance(days(10))
    const secondAt = t.clock.now().toISOString()
    const newDeadline = new Date(t.clock.now().getTime() + days(16)).toISOString()
    const second = await amend(tenderId, { summary: SECOND, newDeadline })
    expect(second.tender.deadline).toBe(newDeadline)

    const expected = [
      { seq: first.event.seq, recordedAt: firstAt, summary: FIRST, newDeadline: null },
      { seq: second.event.seq, recordedAt: secondAt, summary: SECOND, newDeadline },
    ]
    for (const reader of ['bidder1', null, 'agent', 'purchaser']) {
      const res = await get(t, `${tenderId}/amendments`, reader)
      expect(res.status, String(reader)).toBe(200)
      expect(res.body.items, String(reader)).toMatchObject(expected)
      expect(res.body.items[0].amendmentId).toMatch(/^amd_/)
    }
  })

  it('answers an empty list for a published tender never amended', async () => {
    const tenderId = await createPublished(t)
    const res = await get(t, `${tenderId}/amendments`, null)
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([])
  })

  it('hides a draft from bidders, the public and other purchasers (404), not from its purchaser', async () => {
    const tenderId = await createDraft(t)
    for (const reader of ['bidder1', null, 'agent']) {
      const res = await get(t, `${tenderId}/amendments`, reader)
      expect(res.status, String(reader)).toBe(404)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    }
    expect((await get(t, `${tenderId}/amendments`, 'purchaser')).status).toBe(200)
  })
})
