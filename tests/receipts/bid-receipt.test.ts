// Issuing and verifying bid receipts: valid, tampered, unknown key, not a receipt, malformed.
import { randomBytes } from 'node:crypto'
import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys, type PlatformKeys } from '../../src/keys/platform-keys.ts'
import { BID_RECEIPT_TYP, issueBidReceipt } from '../../src/receipts/bid-receipt.ts'
import { verifyBidReceipt } from '../../src/receipts/verify-receipt.ts'
import { manualClock } from '../../src/shared/clock.ts'
import { openTestDatabase } from '../support/test-database.ts'
import { changeOneByte, receiptPayload } from './support.ts'

let database: DatabaseHandle
let keys: PlatformKeys
beforeAll(async () => {
  database = await openTestDatabase()
  const kek = kekFromBase64(randomBytes(32).toString('base64'))
  keys = await createPlatformKeys(database.db, kek, manualClock('2026-03-22T01:30:00.000Z'))
})
afterAll(() => database?.close())

describe('bid receipts', () => {
  it('verify as valid with the payload and the signing kid', async () => {
    const receipt = await issueBidReceipt(keys, receiptPayload)
    const jwks = await keys.jwks()
    expect(await verifyBidReceipt(receipt, jwks)).toEqual({
      valid: true,
      payload: receiptPayload,
      kid: jwks.keys[0]!.kid,
    })
  })

  it('carry the receipt type in the protected header', async () => {
    const receipt = await issueBidReceipt(keys, receiptPayload)
    const header = JSON.parse(Buffer.from(receipt.split('.')[0]!, 'base64url').toString('utf8'))
    expect(header).toMatchObject({ alg: 'EdDSA', typ: BID_RECEIPT_TYP })
  })

  it('sign only the receipt fields, whatever else the object holds', async () => {
    const receipt = await issueBidReceipt(keys, { ...receiptPayload, secret: 'x' } as typeof receiptPayload)
    const payload = JSON.parse(Buffer.from(receipt.split('.')[1]!, 'base64url').toString('utf8'))
    expect(Object.keys(payload)).toEqual(Object.keys(receiptPayload))
  })

  it('are signature_invalid when one byte of the payload or signature changes', async () => {
    const receipt = await issueBidReceipt(keys, receiptPayload)
    const jwks = await keys.jwks()
    for (const part of [1, 2]) {
      expect(await verifyBidReceipt(changeOneByte(receipt, part), jwks)).toMatchObject({
        valid: false,
        reason: 'signature_invalid',
      })
    }
  })

  it('are unknown_key against a JWKS without their kid', async () => {
    const receipt = await issueBidReceipt(keys, receiptPayload)
    expect(await verifyBidReceipt(receipt, { keys: [] })).toMatchObject({
      valid: false,
      reason: 'unknown_key',
    })
  })

  it('tell a random JWT: not_a_receipt', async () => {
    const other = await generateKeyPair('ES256')
    const jwt = await new SignJWT({ sub: 'someone' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .sign(other.privateKey)
    expect(await verifyBidReceipt(jwt, await keys.jwks())).toMatchObject({
      valid: false,
      reason: 'not_a_receipt',
    })
  })

  it('tell another signed document of the platform: not_a_receipt', async () => {
    const record = await keys.sign({ recordType: 'opening' }, 'youxuan-record+jws')
    expect(await verifyBidReceipt(record, await keys.jwks())).toMatchObject({ reason: 'not_a_receipt' })
    const oddPayload = await keys.sign({ tenderId: 'x' }, BID_RECEIPT_TYP)
    expect(await verifyBidReceipt(oddPayload, await keys.jwks())).toMatchObject({ reason: 'not_a_receipt' })
  })

  it('are malformed when not a compact JWS at all', async () => {
    const jwks = await keys.jwks()
    for (const text of ['', 'hello', 'a.b', 'a.b.c', '!!.??.**']) {
      expect(await verifyBidReceipt(text, jwks)).toMatchObject({ valid: false, reason: 'malformed' })
    }
  })

  it('are refused when the header claims another algorithm for the platform key', async () => {
    const receipt = await issueBidReceipt(keys, receiptPayload)
    const header = JSON.parse(Buffer.from(receipt.split('.')[0]!, 'base64url').toString('utf8'))
    const forged = Buffer.from(JSON.stringify({ ...header, alg: 'HS256' })).toString('base64url')
    const verdict = await verifyBidReceipt(
      [forged, ...receipt.split('.').slice(1)].join('.'),
      await keys.jwks(),
    )
    expect(verdict.valid).toBe(false)
  })
})
