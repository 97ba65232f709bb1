// Given a published tender, when a bidder submits, replaces and withdraws, then each bid has its own
// stream, one bid stays live per bidder, and the tender itself does not change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { sha256Hex, verifyChain } from '../../src/events/hash-chain.ts'
import { bearer, bidBody, createPublished, get, submit, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const stream = (bidId: string) => readStream(t.database.db, `bid-${bidId}`)

describe('submitting a bid', () => {
  it('answers 201 with the ciphertext hash and a receipt, and opens the bid stream without the content', async () => {
    const tenderId = await createPublished(t)
    const tenderBefore = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body
    const res = await submit(t, tenderId, 'bidder1', bidBody('3790000000'))
    expect(res.status).toBe(201)
    expect(res.body.bid).toMatchObject({
      tenderId,
      state: 'submitted',
      mode: 'plaintext-convenience',
      submittedAt: t.clock.now().toISOString(),
    })
    const row = await t.database.db
      .selectFrom('bids')
      .select(['ciphertext', 'content'])
      .where('id', '=', res.body.bid.id)
      .executeTakeFirstOrThrow()
    expect(res.body.bid.ciphertextSha256).toBe(sha256Hex(row.ciphertext ?? ''))
    expect(res.body.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(res.body.bid.replaces).toBeUndefined()

    const events = await stream(res.body.bid.id)
    expect(events.map((e) => e.type)).toEqual(['BID_SUBMITTED'])
    expect(events[0]?.data).toMatchObject({
      bidId: res.body.bid.id,
      tenderId,
      contentHash: res.body.bid.ciphertextSha256,
    })
    expect(JSON.stringify(events)).not.toContain('3790000000')
    expect(JSON.stringify(row)).not.toContain('3790000000')
    // A bid is not a tender event: the tender's version and updatedAt stay as they were.
    const tenderAfter = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body
    expect(tenderAfter).toMatchObject({ version: tenderBefore.version, updatedAt: tenderBefore.updatedAt })
  })
})

describe('replacing a bid', () => {
  it('marks the earlier bid replaced, with REPLACE on its stream, and keeps one live bid', async () => {
    const tenderId = await createPublished(t)
    const first = await submitOk(t, tenderId, 'bidder1', bidBody('3800000000'))
    t.clock.advance(60_000)
    const second = await submitOk(t, tenderId, 'bidder1', bidBody('3750000000'))
    expect(second.replaces).toBe(first.id)

    const events = await stream(first.id)
    expect(events.map((e) => e.type)).toEqual(['BID_SUBMITTED', 'REPLACE'])
    expect(events[1]?.data).toMatchObject({ byBidId: second.id })
    expect(verifyChain(events).ok).toBe(true)

    const own = await get(t, `${tenderId}/bids`, 'bidder1')
    expect(own.status).toBe(200)
    const states = Object.fromEntries(
      own.body.items.map((b: { id: string; state: string }) => [b.id, b.state]),
    )
    expect(states).toEqual({ [first.id]: 'replaced', [second.id]: 'submitted' })
  })
})

describe('withdrawing a bid', () => {
  it('withdraws the live bid; withdrawing it again is 409 illegal_transition', async () => {
    const tenderId = await createPublished(t)
    const bid = await submitOk(t, tenderId, 'bidder2')
    const auth = await bearer(t, 'bidder2')
    const res = await t.http.delete(`/api/v1/tenders/${tenderId}/bids/${bid.id}`).set('authorization', auth)
    expect(res.status).toBe(200)
    expect(res.body.bid).toMatchObject({ id: bid.id, state: 'withdrawn' })
    expect((await stream(bid.id)).map((e) => e.type)).toEqual(['BID_SUBMITTED', 'WITHDRAW'])

    const again = await t.http.delete(`/api/v1/tenders/${tenderId}/bids/${bid.id}`).set('authorization', auth)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'illegal_transition', state: 'withdrawn' })
  })

  it('lets a bidder submit afresh after withdrawing', async () => {
    const tenderId = await createPublished(t)
    const bid = await submitOk(t, tenderId, 'bidder2')
    await t.http
      .delete(`/api/v1/tenders/${tenderId}/bids/${bid.id}`)
      .set('authorization', await bearer(t, 'bidder2'))
    const again = await submitOk(t, tenderId, 'bidder2')
    expect(again.replaces).toBeUndefined()
  })

  it("treats another bidder's bid as not found and leaves it live", async () => {
    const tenderId = await createPublished(t)
    const bid = await submitOk(t, tenderId, 'bidder1')
    const res = await t.http
      .delete(`/api/v1/tenders/${tenderId}/bids/${bid.id}`)
      .set('authorization', await bearer(t, 'bidder3'))
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('not_found')
    const own = await get(t, `${tenderId}/bids`, 'bidder1')
    expect(own.body.items[0].state).toBe('submitted')
  })
})
