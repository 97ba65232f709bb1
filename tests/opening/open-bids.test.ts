// Given five live sealed bids (three JWEs the bidders encrypted, two sealed by the server), one of which
// does not conform to the bid form, when bidding closes and the bids are opened, then four open, one is
// invalid, the tender moves to evaluation, and the opening record names every bidder with its price
// while every bidder can recompute the bid-set hash from its ciphertext hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { sha256Hex } from '../../src/events/hash-chain.ts'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import {
  bidBody,
  createPublished,
  get,
  passDeadline,
  post,
  type SubmittedBidBody,
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

const PRICES: Record<string, string> = {
  bidder1: '3790000000',
  bidder2: '3812500000',
  bidder3: '3765000000',
  bidder4: '3850000000',
  bidder5: '3700000000',
}
/** bidder4's bid withholds the no-collusion declaration: it is accepted sealed, found invalid at opening. */
const bodyOf = (bidder: string) =>
  bidder === 'bidder4'
    ? bidBody(PRICES[bidder], { declarations: { noCollusion: false, qualificationsMet: true } })
    : bidBody(PRICES[bidder])

describe('closing and opening five bids', () => {
  let tenderId: string
  const bids: Record<string, SubmittedBidBody> = {}
  /** What each bidder knows of its own bid: the SHA-256 of the JWE it sent, or the one on its receipt. */
  const ownHashes: string[] = []

  beforeAll(async () => {
    tenderId = await createPublished(t)
    const jwk = await tenderJwk(t, tenderId)
    for (const bidder of Object.keys(PRICES)) {
      t.clock.advance(60_000)
      if (bidder === 'bidder4' || bidder === 'bidder5') {
        bids[bidder] = await submitOk(t, tenderId, bidder, bodyOf(bidder))
        ownHashes.push(bids[bidder].ciphertextSha256)
        continue
      }
      const jwe = await sealTo(jwk, bodyOf(bidder))
      const res = await submitJwe(t, tenderId, bidder, jwe)
      expect(res.status).toBe(201)
      bids[bidder] = res.body.bid
      ownHashes.push(sha256Hex(jwe))
    }
  })

  it("closes with bidCount 5 and a bid-set hash recomputable from the bidders' own ciphertext hashes", async () => {
    await passDeadline(t, tenderId)
    const res = await post(t, `${tenderId}/close-bidding`, 'operator')
    expect(res.status).toBe(200)
    expect(res.body.tender).toMatchObject({ state: 'opening', bidCount: 5 })
    // What a bidder can do from the published rule: sort the ciphertext hashes, join, hash.
    expect(res.body.tender.bidSetHash).toBe(sha256Hex([...ownHashes].sort().join('\n')))
  })

  it('opens: four bids open with their prices, the nonconforming one is invalid', async () => {
    const res = await post(t, `${tenderId}/open`, 'purchaser')
    expect(res.status).toBe(200)
    expect(res.body.tender.state).toBe('evaluation')
    const outcomes = Object.fromEntries(
      res.body.result.bids.map((b: { bidderOrgId: string; outcome: string; priceFen: string | null }) => [
        b.bidderOrgId,
        [b.outcome, b.priceFen],
      ]),
    )
    expect(outcomes[demoOrg('bidder1').id]).toEqual(['opened', PRICES.bidder1])
    expect(outcomes[demoOrg('bidder4').id]).toEqual(['invalid', null])

    const invalidStream = await readStream(t.database.db, `bid-${bids.bidder4?.id}`)
    expect(invalidStream.at(-1)).toMatchObject({ type: 'OPEN_RESULT', data: { outcome: 'invalid' } })
    expect(invalidStream.at(-1)?.data.reason).toMatch(/no-collusion/)
  })

  it('publishes the opening record', async () => {
    const res = await t.http.get(`/api/v1/tenders/${tenderId}/opening`)
    expect(res.status).toBe(200)
    const tender = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body
    expect(res.body).toMatchObject({
      tenderId,
      reference: tender.reference,
      title: tender.title,
      deadline: tender.deadline,
      bidCount: 5,
      bidSetHash: tender.bidSetHash,
    })
    expect(Date.parse(res.body.closedAt)).toBeGreaterThanOrEqual(Date.parse(tender.deadline))
    expect(res.body.openedAt).toBe(res.body.closedAt)
    expect(res.body.bids).toHaveLength(5)
    for (const [bidder, bid] of Object.entries(bids)) {
      const row = res.body.bids.find((b: { bidId: string }) => b.bidId === bid.id)
      expect(row).toMatchObject({
        bidderName: demoOrg(bidder).name,
        bidderUscc: demoOrg(bidder).uscc,
        outcome: bidder === 'bidder4' ? 'invalid' : 'opened',
        reason: bidder === 'bidder4' ? expect.stringMatching(/no-collusion/) : null,
        priceFen: bidder === 'bidder4' ? null : PRICES[bidder],
        submittedAt: bid.submittedAt,
        ciphertextSha256: bid.ciphertextSha256,
        mode: bidder === 'bidder4' || bidder === 'bidder5' ? 'plaintext-convenience' : 'jwe',
      })
    }
  })

  it('shows every bid after opening, the content only to its bidder, the purchaser and oversight', async () => {
    const asBidder = await get(t, `${tenderId}/bids`, 'bidder2')
    expect(asBidder.status).toBe(200)
    expect(asBidder.body.items).toHaveLength(5)
    for (const bid of asBidder.body.items) {
      expect(bid.content !== undefined).toBe(bid.bidderOrgId === demoOrg('bidder2').id)
      expect(bid.bidderUscc).toMatch(/^[0-9A-Z]{18}$/)
    }
    // The decrypted content is stored at opening: bidder2's own is what it encrypted.
    const own = asBidder.body.items.find((b: { id: string }) => b.id === bids.bidder2?.id)
    expect(own.content).toEqual(bodyOf('bidder2'))
    for (const username of ['purchaser', 'auditor']) {
      const res = await get(t, `${tenderId}/bids`, username)
      expect(res.status).toBe(200)
      expect(res.body.items.every((b: { content?: unknown }) => b.content !== undefined)).toBe(true)
    }
    const asExpert = await get(t, `${tenderId}/bids`, 'expert1')
    expect(asExpert.body.items.some((b: { content?: unknown }) => b.content !== undefined)).toBe(false)
    const opened = asExpert.body.items.find((b: { id: string }) => b.id === bids.bidder1?.id)
    expect(opened).toMatchObject({ state: 'opened', outcome: 'opened', priceFen: PRICES.bidder1 })
  })

  it('refuses opening twice', async () => {
    const res = await post(t, `${tenderId}/open`, 'purchaser')
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'illegal_transition', state: 'evaluation' })
  })
})

describe('opening with too few valid bids', () => {
  it('fails the tender (流标) when fewer than three bids conform, and still records every outcome', async () => {
    const tenderId = await createPublished(t)
    await submitOk(t, tenderId, 'bidder1', bidBody('3790000000'))
    await submitOk(t, tenderId, 'bidder2', bidBody('3800000000'))
    await submitOk(
      t,
      tenderId,
      'bidder3',
      bidBody('3810000000', { items: [{ name: '总价', quantity: 2, unitPriceFen: '1' }] }),
    )
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)
    const res = await post(t, `${tenderId}/open`, 'operator')
    expect(res.status).toBe(200)
    expect(res.body.tender).toMatchObject({ state: 'failed', failureReason: 'insufficientValidBids' })
    const record = await t.http.get(`/api/v1/tenders/${tenderId}/opening`)
    expect(record.body.bids.map((b: { outcome: string }) => b.outcome).sort()).toEqual([
      'invalid',
      'opened',
      'opened',
    ])
  })
})
