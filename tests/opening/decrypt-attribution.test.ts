// Given sealed bids that cannot all be opened, when the tender is opened, then each failure is attributed
// (电子办法 Art 31): a JWE the bidder encrypted to another key is the bidder's fault (decryptFailedBidder,
// deemed revoked); a stored ciphertext altered after submission is the platform's (decryptFailedOther,
// deemed withdrawn); content that decrypts but breaks the bid form is invalid; the others open.
import { exportJWK, generateKeyPair } from 'jose'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import {
  bidBody,
  createPublished,
  get,
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

/** A key pair the bidder made by mistake: the JWE names the tender's kid but is encrypted to this key. */
async function strayKey() {
  const pair = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-256', extractable: true })
  return exportJWK(pair.publicKey)
}

/** Storage corruption: one character of the stored JWE's ciphertext part changes. */
async function corruptStoredCiphertext(bidId: string) {
  await sql`update bids set ciphertext = overlay(ciphertext placing
      (case when substr(ciphertext, length(ciphertext) - 30, 1) = 'A' then 'B' else 'A' end)
      from length(ciphertext) - 30 for 1) where id = ${bidId}`.execute(t.database.db)
}

describe('opening bids that do not all decrypt', () => {
  let tenderId: string
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    tenderId = await createPublished(t)
    const jwk = await tenderJwk(t, tenderId)
    const sealed = async (bidder: string, jwe: string) => {
      const res = await submitJwe(t, tenderId, bidder, jwe)
      expect(res.status).toBe(201)
      ids[bidder] = res.body.bid.id
    }
    await sealed('bidder1', await sealTo({ ...(await strayKey()), kid: jwk.kid }, bidBody('3700000000')))
    ids.bidder2 = (await submitOk(t, tenderId, 'bidder2', bidBody('3710000000'))).id
    await sealed('bidder3', await sealTo(jwk, bidBody('3720000000')))
    await sealed('bidder4', await sealTo(jwk, { priceFen: 3730000000, durationDays: 365 }))
    await sealed('bidder5', await sealTo(jwk, bidBody('3740000000')))
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)
    await corruptStoredCiphertext(ids.bidder2 as string)
    await corruptStoredCiphertext(ids.bidder3 as string)
  })

  it('records each outcome with its attribution and reason', async () => {
    const res = await post(t, `${tenderId}/open`, 'operator')
    expect(res.status).toBe(200)
    // One valid bid is fewer than the pack's minimum: the tender fails (流标), every outcome recorded.
    expect(res.body.tender.state).toBe('failed')
    const record = await t.http.get(`/api/v1/tenders/${tenderId}/opening`)
    const byBid = Object.fromEntries(
      record.body.bids.map(
        (b: { bidId: string; outcome: string; reason: string | null; priceFen: string | null }) => [
          b.bidId,
          { outcome: b.outcome, reason: b.reason, priceFen: b.priceFen },
        ],
      ),
    )
    expect(byBid[ids.bidder1 as string]).toEqual({
      outcome: 'decryptFailedBidder',
      reason: expect.stringMatching(/does not decrypt/),
      priceFen: null,
    })
    for (const bidder of ['bidder2', 'bidder3']) {
      expect(byBid[ids[bidder] as string]).toEqual({
        outcome: 'decryptFailedOther',
        reason: expect.stringMatching(/storage fault/),
        priceFen: null,
      })
    }
    expect(byBid[ids.bidder4 as string]).toEqual({
      outcome: 'invalid',
      reason: expect.stringMatching(/bid form/),
      priceFen: null,
    })
    expect(byBid[ids.bidder5 as string]).toEqual({ outcome: 'opened', reason: null, priceFen: '3740000000' })
    expect(record.body).toMatchObject({ bidCount: 5, bidSetHash: res.body.tender.bidSetHash })
  })

  it("puts the outcome on each bid's stream and state, and the content only where it decrypted", async () => {
    const stream = await readStream(t.database.db, `bid-${ids.bidder1}`)
    expect(stream.at(-1)).toMatchObject({ type: 'OPEN_RESULT', data: { outcome: 'decryptFailedBidder' } })
    const rows = await t.database.db
      .selectFrom('bids')
      .select(['bidder_org_id', 'state', 'content'])
      .where('tender_id', '=', tenderId)
      .execute()
    expect(rows.map((row) => row.state).sort()).toEqual([
      'decryptFailedBidder',
      'decryptFailedOther',
      'decryptFailedOther',
      'invalid',
      'opened',
    ])
    const own = await get(t, `${tenderId}/bids`, 'bidder4')
    const invalid = own.body.items.find((b: { id: string }) => b.id === ids.bidder4)
    expect(invalid).toMatchObject({ state: 'invalid', content: { priceFen: 3730000000, durationDays: 365 } })
    // The purchaser reads every content after opening: an undecryptable bid has none.
    const all = await get(t, `${tenderId}/bids`, 'purchaser')
    const failed = all.body.items.find((b: { id: string }) => b.id === ids.bidder1)
    expect(failed).toMatchObject({ state: 'decryptFailedBidder', openingReason: expect.any(String) })
    expect(failed.content).toBeUndefined()
  })
})
