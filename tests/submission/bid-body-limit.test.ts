// Given the bid body limit (YOUXUAN_BID_BODY_LIMIT), then a bid body beyond it is 413 body_too_large
// and writes nothing, while a bid larger than the general body limit but within its own is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bearer,
  bidBody,
  createPublished,
  sealTo,
  snapshotCounts,
  submitJwe,
  tenderJwk,
} from '../support/bidding.ts'
import { secondApp } from '../support/second-app.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let small: Awaited<ReturnType<typeof secondApp>>
beforeAll(async () => {
  t = await startTestApp()
  small = await secondApp(t, { bidBodyLimit: 8 * 1024 })
})
afterAll(async () => {
  await small?.close()
  await t.close()
})

/** A bid with a bulky attachment-like field: JWE mode accepts any content until opening. */
const bulkyBid = (bytes: number) => ({ ...bidBody(), annex: 'x'.repeat(bytes) })

describe('the bid body limit', () => {
  it('refuses a body beyond it with 413 body_too_large and writes nothing', async () => {
    const tenderId = await createPublished(t)
    const jwe = await sealTo(await tenderJwk(t, tenderId), bulkyBid(10 * 1024))
    const before = await snapshotCounts(t)
    const res = await small.http
      .post(`/api/v1/tenders/${tenderId}/bids`)
      .set('authorization', await bearer(t, 'bidder1'))
      .send({ jwe })
    expect(res.status).toBe(413)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.body.code).toBe('body_too_large')
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('accepts a bid under it', async () => {
    const tenderId = await createPublished(t)
    const jwe = await sealTo(await tenderJwk(t, tenderId), bulkyBid(2 * 1024))
    const res = await small.http
      .post(`/api/v1/tenders/${tenderId}/bids`)
      .set('authorization', await bearer(t, 'bidder1'))
      .send({ jwe })
    expect(res.status).toBe(201)
  })

  it('by default takes bids beyond the general 1 MiB body limit', async () => {
    const tenderId = await createPublished(t)
    const jwe = await sealTo(await tenderJwk(t, tenderId), bulkyBid(3 * 1024 * 1024))
    const res = await submitJwe(t, tenderId, 'bidder1', jwe)
    expect(res.status).toBe(201)
  })
})
