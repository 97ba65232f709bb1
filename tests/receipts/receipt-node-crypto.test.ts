// A receipt verifies with nothing but Node's own crypto and the published JWK: no jose on the
// verifier's side, as a bidder's own tooling would do it.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueBidReceipt } from '../../src/receipts/bid-receipt.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { changeOneByte, receiptPayload } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

async function verifyWithNode(jws: string): Promise<boolean> {
  const [header, payload, signature] = jws.split('.') as [string, string, string]
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
  expect(alg).toBe('EdDSA')
  const jwks = (await t.http.get('/.well-known/jwks.json')).body as { keys: crypto.JsonWebKey[] }
  const jwk = jwks.keys.find((key) => key.kid === kid)
  if (!jwk) return false
  const publicKey = crypto.createPublicKey({ key: jwk, format: 'jwk' })
  // Ed25519 takes no digest: the algorithm argument is null.
  return crypto.verify(
    null,
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  )
}

describe('verifying a receipt with node:crypto', () => {
  it('accepts a receipt and reads its payload', async () => {
    const receipt = await issueBidReceipt(t.keys, receiptPayload)
    expect(await verifyWithNode(receipt)).toBe(true)
    const payload = JSON.parse(Buffer.from(receipt.split('.')[1]!, 'base64url').toString('utf8'))
    expect(payload).toEqual(receiptPayload)
  })

  it('rejects a receipt with one changed byte', async () => {
    const receipt = await issueBidReceipt(t.keys, receiptPayload)
    expect(await verifyWithNode(changeOneByte(receipt, 1))).toBe(false)
    expect(await verifyWithNode(changeOneByte(receipt, 2))).toBe(false)
  })
})
