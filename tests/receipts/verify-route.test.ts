// POST /api/v1/receipts/verify: public, 200 with the verdict either way, 400 for a bad body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueBidReceipt } from '../../src/receipts/bid-receipt.ts'
import { revokeSigningKey } from '../../src/records/revoke-key.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { changeOneByte, receiptPayload } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

describe('POST /api/v1/receipts/verify', () => {
  it('answers valid with the payload and kid, without a token', async () => {
    const receipt = await issueBidReceipt(t.keys, receiptPayload)
    const res = await t.http.post('/api/v1/receipts/verify').send({ receipt })
    expect(res.status).toBe(200)
    const kid = (await t.keys.jwks()).keys[0]!.kid
    expect(res.body).toEqual({ valid: true, payload: receiptPayload, kid })
  })

  it('answers invalid with the reason for a tampered receipt', async () => {
    const receipt = changeOneByte(await issueBidReceipt(t.keys, receiptPayload), 2)
    const res = await t.http.post('/api/v1/receipts/verify').send({ receipt })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ valid: false, reason: 'signature_invalid', detail: expect.any(String) })
  })

  it('answers revoked for a receipt whose signing key was revoked since', async () => {
    const receipt = await issueBidReceipt(t.keys, receiptPayload)
    const kid = (await t.keys.jwks()).keys.at(-1)!.kid as string
    await revokeSigningKey(t.database.db, t.keys, {
      kid,
      reason: 'test: key compromised',
      at: t.clock.now(),
      actorUserId: null,
    })
    const res = await t.http.post('/api/v1/receipts/verify').send({ receipt })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ valid: false, reason: 'revoked', detail: expect.stringContaining(kid) })
    // the platform signs on with a fresh key, whose receipts verify
    const fresh = await issueBidReceipt(t.keys, receiptPayload)
    expect((await t.http.post('/api/v1/receipts/verify').send({ receipt: fresh })).body.valid).toBe(true)
  })

  it('answers malformed for text that is no JWS', async () => {
    const res = await t.http.post('/api/v1/receipts/verify').send({ receipt: 'not-a-receipt' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ valid: false, reason: 'malformed' })
  })

  it('refuses a body without a receipt, or with unknown fields, with 400', async () => {
    const missing = await t.http.post('/api/v1/receipts/verify').send({})
    expect(missing.status).toBe(400)
    expect(missing.body.code).toBe('validation_failed')
    const extra = await t.http.post('/api/v1/receipts/verify').send({ receipt: 'a.b.c', jwks: {} })
    expect(extra.status).toBe(400)
  })
})
