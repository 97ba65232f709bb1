// Given an objection to the tender documents awaiting its answer (实施条例 Art 22: the procedure pauses
// until the reply), when bidders submit, replace or withdraw, then each is refused with 409
// tender_held_by_objection naming the objection, nothing is written; once answered, bids are taken again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, createPublished, post, snapshotCounts, submit, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const OBJECTION = { stage: 'documents', summary: '评标办法中的业绩要求排斥潜在投标人' }

describe('bids while an objection to the documents is pending', () => {
  let tenderId: string
  let objectionId: string
  let liveBidId: string

  beforeAll(async () => {
    tenderId = await createPublished(t)
    liveBidId = (await submitOk(t, tenderId, 'bidder1')).id
    const raised = await post(t, `${tenderId}/objections`, 'bidder2', OBJECTION)
    expect(raised.status).toBe(201)
    objectionId = raised.body.id
  })

  const expectHeld = (res: { status: number; body: Record<string, unknown> }) => {
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'tender_held_by_objection', objectionId, stage: 'documents' })
  }

  it('refuses a new bid, a replacement and a withdrawal, writing nothing', async () => {
    const before = await snapshotCounts(t)
    expectHeld(await submit(t, tenderId, 'bidder3'))
    expectHeld(await submit(t, tenderId, 'bidder1'))
    const auth = await bearer(t, 'bidder1')
    expectHeld(
      await t.http.delete(`/api/v1/tenders/${tenderId}/bids/${liveBidId}`).set('authorization', auth),
    )
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('takes bids again once the objection is answered', async () => {
    const answer = { answer: '经复核，业绩要求符合有关规定，异议不成立。', upheld: false }
    expect((await post(t, `${tenderId}/objections/${objectionId}/answer`, 'purchaser', answer)).status).toBe(
      200,
    )
    expect((await submit(t, tenderId, 'bidder3')).status).toBe(201)
    expect((await submit(t, tenderId, 'bidder1')).body.bid.replaces).toBe(liveBidId)
  })
})
