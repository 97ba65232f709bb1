// Given an objection to the documents raised in time (≥ 10 days before the deadline), then the tender
// is held: closing is refused with 422 until the purchaser answers; the objection is read only by the
// purchaser, oversight and its raiser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import {
  createPublished,
  days,
  get,
  passDeadline,
  post,
  snapshotCounts,
  submitOk,
} from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const OBJECTION = { stage: 'documents', summary: '资格条件中要求的业绩类型排斥潜在投标人' }

describe('an objection to the documents', () => {
  let tenderId: string
  let objectionId: string

  beforeAll(async () => {
    tenderId = await createPublished(t)
    for (const bidder of ['bidder1', 'bidder2', 'bidder3']) await submitOk(t, tenderId, bidder)
    const res = await post(t, `${tenderId}/objections`, 'bidder2', OBJECTION)
    expect(res.status).toBe(201)
    expect(res.body.tender).toMatchObject({ held: true, pendingObjections: 1 })
    objectionId = res.body.id
  })

  it("keeps the raiser out of the tender's events", async () => {
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    const raised = events.find((e) => e.type === 'OBJECTION_RAISED')
    expect(raised?.data).toMatchObject({ objectionId, stage: 'documents' })
    expect(JSON.stringify(raised)).not.toContain(demoOrg('bidder2').id)
  })

  it('shows it to the purchaser, oversight and its raiser, and to no other bidder', async () => {
    for (const username of ['purchaser', 'supervisor', 'bidder2']) {
      const res = await get(t, `${tenderId}/objections`, username)
      expect(res.status).toBe(200)
      expect(res.body.items).toEqual([
        expect.objectContaining({
          id: objectionId,
          ...OBJECTION,
          raisedByOrgId: demoOrg('bidder2').id,
          answer: null,
        }),
      ])
    }
    const other = await get(t, `${tenderId}/objections`, 'bidder1')
    expect(other.body.items).toEqual([])
    const expert = await get(t, `${tenderId}/objections`, 'expert1')
    expect(expert.status).toBe(403)
  })

  it('holds progress: closing after the deadline is refused with 422 and writes nothing', async () => {
    await passDeadline(t, tenderId)
    const before = await snapshotCounts(t)
    const res = await post(t, `${tenderId}/close-bidding`, 'operator')
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'objection_pending', rule: 'hold', state: 'bidding' })
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('releases the hold once answered; closing then succeeds', async () => {
    const answer = { answer: '经复核，资格条件符合有关规定，异议不成立。', upheld: false }
    const res = await post(t, `${tenderId}/objections/${objectionId}/answer`, 'purchaser', answer)
    expect(res.status).toBe(200)
    expect(res.body.tender).toMatchObject({ held: false, pendingObjections: 0 })
    const list = await get(t, `${tenderId}/objections`, 'bidder2')
    expect(list.body.items[0]).toMatchObject(answer)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).body.tender.state).toBe('opening')
  })
})

describe('objections out of time or from the wrong party', () => {
  it('refuses a documents objection less than 10 days before the deadline', async () => {
    const tenderId = await createPublished(t)
    t.clock.advance(days(12))
    const before = await snapshotCounts(t)
    const res = await post(t, `${tenderId}/objections`, 'bidder1', OBJECTION)
    expect(res.status).toBe(422)
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('refuses an objection from the purchaser and an answer from a bidder', async () => {
    const tenderId = await createPublished(t)
    expect((await post(t, `${tenderId}/objections`, 'purchaser', OBJECTION)).status).toBe(403)
    const raised = await post(t, `${tenderId}/objections`, 'bidder1', OBJECTION)
    const oid = raised.body.id
    const res = await post(t, `${tenderId}/objections/${oid}/answer`, 'bidder1', {
      answer: '撤回',
      upheld: true,
    })
    expect(res.status).toBe(403)
  })
})
