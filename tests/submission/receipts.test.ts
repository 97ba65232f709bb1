// Given a bidder that submits, replaces and withdraws, then every accepted change has a receipt that
// verifies against the JWKS, and the bidder (and oversight, not others) can list a bid's receipts again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { verifyBidReceipt } from '../../src/receipts/verify-receipt.ts'
import { bearer, bidBody, createPublished, get, submit } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const receiptsOf = (tenderId: string, bidId: string, username: string) =>
  get(t, `${tenderId}/bids/${bidId}/receipts`, username)

async function payloadOf(jws: string) {
  const verdict = await verifyBidReceipt(jws, (await t.http.get('/.well-known/jwks.json')).body)
  if (!verdict.valid) throw new Error(`receipt does not verify: ${verdict.detail}`)
  return verdict.payload
}

describe('receipts for submission, replacement and withdrawal', () => {
  let tenderId: string
  let first: { id: string; ciphertextSha256: string; receipt: string }
  let second: { id: string; ciphertextSha256: string; receipt: string; replacedReceipt: string }
  let withdrawal: { receipt: string; at: string }

  beforeAll(async () => {
    tenderId = await createPublished(t)
    const a = await submit(t, tenderId, 'bidder2', bidBody('3800000000'))
    first = { ...a.body.bid, receipt: a.body.receipt }
    t.clock.advance(60_000)
    const b = await submit(t, tenderId, 'bidder2', bidBody('3750000000'))
    second = { ...b.body.bid, receipt: b.body.receipt, replacedReceipt: b.body.replacedReceipt }
    t.clock.advance(60_000)
    const w = await t.http
      .delete(`/api/v1/tenders/${tenderId}/bids/${second.id}`)
      .set('authorization', await bearer(t, 'bidder2'))
    expect(w.status).toBe(200)
    withdrawal = { receipt: w.body.receipt, at: t.clock.now().toISOString() }
  })

  it('signs each action over the bid, the bidder USCC and the ciphertext hash', async () => {
    const uscc = demoOrg('bidder2').uscc
    expect(await payloadOf(first.receipt)).toMatchObject({
      bidId: first.id,
      action: 'submitted',
      bidderUscc: uscc,
    })
    expect(await payloadOf(second.replacedReceipt)).toMatchObject({
      bidId: first.id,
      action: 'replaced',
      ciphertextSha256: first.ciphertextSha256,
    })
    expect(await payloadOf(second.receipt)).toMatchObject({
      bidId: second.id,
      action: 'submitted',
      ciphertextSha256: second.ciphertextSha256,
    })
    expect(await payloadOf(withdrawal.receipt)).toMatchObject({
      tenderId,
      bidId: second.id,
      action: 'withdrawn',
      ciphertextSha256: second.ciphertextSha256,
      receivedAt: withdrawal.at,
    })
  })

  it("lists a bid's receipts again for its bidder, oldest first, the same JWSs", async () => {
    const firstList = await receiptsOf(tenderId, first.id, 'bidder2')
    expect(firstList.status).toBe(200)
    expect(
      firstList.body.items.map((r: { action: string; receipt: string }) => [r.action, r.receipt]),
    ).toEqual([
      ['submitted', first.receipt],
      ['replaced', second.replacedReceipt],
    ])
    const secondList = await receiptsOf(tenderId, second.id, 'bidder2')
    expect(secondList.body.items.map((r: { receipt: string }) => r.receipt)).toEqual([
      second.receipt,
      withdrawal.receipt,
    ])
  })

  it('lets oversight list them; another bidder gets 404, the purchaser 403', async () => {
    expect((await receiptsOf(tenderId, first.id, 'auditor')).body.items).toHaveLength(2)
    const other = await receiptsOf(tenderId, first.id, 'bidder3')
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'not_found' })
    const purchaser = await receiptsOf(tenderId, first.id, 'purchaser')
    expect({ status: purchaser.status, code: purchaser.body.code }).toEqual({
      status: 403,
      code: 'forbidden',
    })
  })
})
