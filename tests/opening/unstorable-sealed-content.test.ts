// Given a sealed bid whose decrypted content holds text the database cannot store (a NUL, a lone
// surrogate), when the tender is opened, then that bid is invalid with the reason, and the others open.
// Submission cannot see inside a JWE, so opening is where this is judged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bidBody,
  createPublished,
  passDeadline,
  post,
  sealTo,
  submitJwe,
  submitOk,
  tenderJwk,
} from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('opening sealed content that cannot be stored', () => {
  it('judges it invalid, naming where the text is, and opens the rest', async () => {
    const tenderId = await createPublished(t)
    const jwk = await tenderJwk(t, tenderId)
    const item = (name: string) => ({ name, quantity: 1, unitPriceFen: '3720000000' })
    const bids: Record<string, string> = {}
    for (const [bidder, name] of [
      ['bidder1', '路面\u0000'],
      ['bidder2', '路面\ud800'],
    ] as const) {
      const res = await submitJwe(
        t,
        tenderId,
        bidder,
        await sealTo(jwk, bidBody('3720000000', { items: [item(name)] })),
      )
      expect(res.status).toBe(201)
      bids[bidder] = res.body.bid.id
    }
    for (const bidder of ['bidder3', 'bidder4', 'bidder5']) await submitOk(t, tenderId, bidder)
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)

    const res = await post(t, `${tenderId}/open`, 'operator')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const record = await t.http.get(`/api/v1/tenders/${tenderId}/opening`)
    const outcome = (bidId: string | undefined) =>
      record.body.bids.find((b: { bidId: string }) => b.bidId === bidId)
    expect(outcome(bids.bidder1)).toMatchObject({
      outcome: 'invalid',
      reason: expect.stringMatching(/\/items\/0\/name.*NUL/),
      priceFen: null,
    })
    expect(outcome(bids.bidder2)).toMatchObject({
      outcome: 'invalid',
      reason: expect.stringMatching(/\/items\/0\/name.*surrogate/),
    })
    expect(record.body.bids.filter((b: { outcome: string }) => b.outcome === 'opened')).toHaveLength(3)
  })
})
