// Rotation: a new active key signs from then on; the retired key stays in the JWKS, so receipts it
// signed before the rotation still verify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueBidReceipt } from '../../src/receipts/bid-receipt.ts'
import { verifyBidReceipt } from '../../src/receipts/verify-receipt.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

const payload = {
  tenderId: 'tnd_00000000000000000000000000000001',
  bidId: 'bid_00000000000000000000000000000001',
  bidderUscc: '91440605MA4UQ2XJ5K',
  action: 'submitted' as const,
  ciphertextSha256: 'ab'.repeat(32),
  receivedAt: '2026-03-02T01:30:00.000Z',
}

describe('rotating the signing key', () => {
  it('keeps the old kid in the JWKS and old receipts valid; new receipts use the new kid', async () => {
    // Given a receipt signed by the first key
    const oldReceipt = await issueBidReceipt(t.keys, payload)
    const before = await verifyBidReceipt(oldReceipt, await t.keys.jwks())
    expect(before.valid).toBe(true)
    const oldKid = before.valid ? before.kid : ''

    // When the key is rotated
    t.clock.advance(DAY_MS)
    const newKid = await t.keys.rotate(t.clock.now())

    // Then both keys are published, the old receipt still verifies and new receipts use the new key
    const jwks = await t.keys.jwks()
    expect(jwks.keys.map((key) => key.kid)).toEqual([oldKid, newKid])
    expect(await verifyBidReceipt(oldReceipt, jwks)).toMatchObject({ valid: true, kid: oldKid })
    const newReceipt = await issueBidReceipt(t.keys, { ...payload, action: 'replaced' })
    expect(await verifyBidReceipt(newReceipt, jwks)).toMatchObject({ valid: true, kid: newKid })

    const rows = await t.database.db.selectFrom('signing_keys').selectAll().orderBy('created_at').execute()
    expect(rows.map((row) => row.retired_at === null)).toEqual([false, true])
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'signing_key')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'signing_key.created',
      'signing_key.retired',
      'signing_key.created',
    ])
  })

  it('serves the rotated set at /.well-known/jwks.json', async () => {
    const res = await t.http.get('/.well-known/jwks.json')
    expect(res.status).toBe(200)
    expect(res.body.keys).toHaveLength(2)
  })
})
