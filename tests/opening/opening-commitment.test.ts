// Given bidding closed with a commitment to four bids, when one of them is taken out of the live set
// behind the platform's back (an insider editing the bids table), then OPEN is refused: the set to be
// opened no longer hashes to the commitment, and nothing is decrypted or recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { bidBody, createPublished, passDeadline, post, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('opening checks the committed bid set', () => {
  let tenderId: string
  let dropped: string

  beforeAll(async () => {
    tenderId = await createPublished(t)
    const ids: string[] = []
    for (const [i, bidder] of ['bidder1', 'bidder2', 'bidder3', 'bidder4'].entries()) {
      t.clock.advance(60_000)
      ids.push((await submitOk(t, tenderId, bidder, bidBody(String(3_700_000_000 + i)))).id)
    }
    dropped = ids[2] as string
    await passDeadline(t, tenderId)
    const closed = await post(t, `${tenderId}/close-bidding`, 'operator')
    expect(closed.status).toBe(200)
    expect(closed.body.tender.bidCount).toBe(4)
  })

  it('refuses to open a set that differs from the commitment, and leaves everything as it was', async () => {
    await t.database.db.updateTable('bids').set({ state: 'withdrawn' }).where('id', '=', dropped).execute()
    const before = (await readStream(t.database.db, `tender-${tenderId}`)).length
    const res = await post(t, `${tenderId}/open`, 'purchaser')
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'bid_set_mismatch', committedBidSetHash: expect.any(String) })
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    const tender = await t.http.get(`/api/v1/tenders/${tenderId}`)
    expect(tender.body.state).toBe('opening')
    expect(await readStream(t.database.db, `tender-${tenderId}`)).toHaveLength(before)
    const opened = await t.database.db
      .selectFrom('events')
      .select('stream_id')
      .where('type', '=', 'OPEN_RESULT')
      .execute()
    expect(opened).toHaveLength(0)
  })

  it('opens once the live set is the committed one again', async () => {
    await t.database.db.updateTable('bids').set({ state: 'submitted' }).where('id', '=', dropped).execute()
    const res = await post(t, `${tenderId}/open`, 'purchaser')
    expect(res.status).toBe(200)
    expect(res.body.result.bids).toHaveLength(4)
  })
})
