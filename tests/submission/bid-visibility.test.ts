// Given bids on a tender that is not opened yet, then only their own bidders see them (content
// included) and everyone else gets 403 sealed_until_opening, without learning how many there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bidBody,
  createDraft,
  createPublished,
  get,
  passDeadline,
  post,
  submitOk,
} from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('bids before opening', () => {
  it("shows a bidder only its own organisation's bids, sealed (no content before opening)", async () => {
    const tenderId = await createPublished(t)
    const own = await submitOk(t, tenderId, 'bidder1', bidBody('3700000000'))
    await submitOk(t, tenderId, 'bidder2')
    const res = await get(t, `${tenderId}/bids`, 'bidder1')
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0]).toMatchObject({
      id: own.id,
      state: 'submitted',
      mode: 'plaintext-convenience',
      ciphertextSha256: own.ciphertextSha256,
      priceFen: null,
      outcome: null,
    })
    expect(res.body.items[0].content).toBeUndefined()
    expect(JSON.stringify(res.body)).not.toContain('3700000000')

    const none = await get(t, `${tenderId}/bids`, 'bidder3')
    expect(none.status).toBe(200)
    expect(none.body.items).toEqual([])
  })

  it.each(['purchaser', 'auditor', 'supervisor', 'operator', 'expert1', 'member1'])(
    'refuses %s with 403 sealed_until_opening',
    async (username) => {
      const tenderId = await createPublished(t)
      await submitOk(t, tenderId, 'bidder1')
      const res = await get(t, `${tenderId}/bids`, username)
      expect(res.status).toBe(403)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.body.code).toBe('sealed_until_opening')
      expect(JSON.stringify(res.body)).not.toMatch(/count|"1"/)
    },
  )

  it('stays sealed after closing until the bids are opened', async () => {
    const tenderId = await createPublished(t)
    for (const bidder of ['bidder1', 'bidder2', 'bidder3']) await submitOk(t, tenderId, bidder)
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'purchaser')).status).toBe(200)
    const res = await get(t, `${tenderId}/bids`, 'purchaser')
    expect(res.status).toBe(403)
    expect(res.body.code).toBe('sealed_until_opening')
  })

  it('needs a bearer token, and a draft reads as not found', async () => {
    const tenderId = await createPublished(t)
    const anonymous = await get(t, `${tenderId}/bids`, null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.code).toBe('unauthenticated')
    const draftId = await createDraft(t)
    const draft = await get(t, `${draftId}/bids`, 'bidder1')
    expect(draft.status).toBe(404)
  })
})
