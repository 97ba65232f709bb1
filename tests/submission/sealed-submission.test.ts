// Given a published tender, a bidder that knows only the OpenAPI document and the published JWK encrypts
// its bid with jose, submits the JWE, verifies the receipt against the JWKS, and sees its price opened
// after the deadline; a plaintext (convenience) bid is stored only as a JWE; malformed JWEs are refused.
import { decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { sha256Hex } from '../../src/events/hash-chain.ts'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { verifyBidReceipt } from '../../src/receipts/verify-receipt.ts'
import {
  bidBody,
  createPublished,
  passDeadline,
  post,
  sealTo,
  snapshotCounts,
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

const bidRow = (bidId: string) =>
  t.database.db
    .selectFrom('bids')
    .select(['ciphertext', 'ciphertext_sha256', 'content', 'mode'])
    .where('id', '=', bidId)
    .executeTakeFirstOrThrow()

describe('a bid encrypted by the bidder (JWE mode)', () => {
  it('is accepted with a verifiable receipt and opened after the deadline', async () => {
    const tenderId = await createPublished(t)
    const jwe = await sealTo(await tenderJwk(t, tenderId), bidBody('3777000000'))
    const res = await submitJwe(t, tenderId, 'bidder1', jwe)
    expect(res.status).toBe(201)
    expect(res.body.bid).toMatchObject({ mode: 'jwe', ciphertextSha256: sha256Hex(jwe) })

    const jwks = (await t.http.get('/.well-known/jwks.json')).body
    const verdict = await verifyBidReceipt(res.body.receipt, jwks)
    expect(verdict).toMatchObject({
      valid: true,
      payload: {
        tenderId,
        bidId: res.body.bid.id,
        bidderUscc: demoOrg('bidder1').uscc,
        action: 'submitted',
        ciphertextSha256: sha256Hex(jwe),
        receivedAt: t.clock.now().toISOString(),
      },
    })
    const [first] = await readStream(t.database.db, `bid-${res.body.bid.id}`)
    expect(first?.data.contentHash).toBe(sha256Hex(jwe))
    expect(await bidRow(res.body.bid.id)).toEqual({
      ciphertext: jwe,
      ciphertext_sha256: sha256Hex(jwe),
      content: null,
      mode: 'jwe',
    })

    await submitOk(t, tenderId, 'bidder2', bidBody('3800000000'))
    await submitOk(t, tenderId, 'bidder3', bidBody('3810000000'))
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)
    expect((await post(t, `${tenderId}/open`, 'operator')).status).toBe(200)
    const opening = await t.http.get(`/api/v1/tenders/${tenderId}/opening`)
    const mine = opening.body.bids.find((b: { bidId: string }) => b.bidId === res.body.bid.id)
    expect(mine).toMatchObject({ outcome: 'opened', priceFen: '3777000000', reason: null })
    expect((await bidRow(res.body.bid.id)).content).toEqual(bidBody('3777000000'))
  })
})

describe('a plaintext bid (convenience mode)', () => {
  it('is stored only as a JWE to the tender key, with no content before opening', async () => {
    const tenderId = await createPublished(t)
    const jwk = await tenderJwk(t, tenderId)
    const bid = await submitOk(t, tenderId, 'bidder1', bidBody('3791234500'))
    const row = await bidRow(bid.id)
    expect(row.mode).toBe('plaintext-convenience')
    expect(row.content).toBeNull()
    expect(row.ciphertext?.split('.')).toHaveLength(5)
    expect(decodeProtectedHeader(row.ciphertext ?? '')).toMatchObject({
      alg: 'ECDH-ES+A256KW',
      enc: 'A256GCM',
      kid: jwk.kid,
    })
    expect(row.ciphertext_sha256).toBe(sha256Hex(row.ciphertext ?? ''))
    expect(JSON.stringify(row)).not.toContain('3791234500')
  })
})

describe('a JWE that is not one to the tender key', () => {
  it.each([
    ['four parts', async (jwe: string) => jwe.split('.').slice(0, 4).join('.')],
    [
      'another kid',
      async (_jwe: string, tenderId: string) => sealTo(await tenderJwk(t, tenderId), bidBody(), 'k2'),
    ],
    ['an alg header other than ECDH-ES+A256KW', async (jwe: string) => withHeader(jwe, { alg: 'RSA-OAEP' })],
    ['a compressed payload', async (jwe: string) => withHeader(jwe, { zip: 'DEF' })],
    ['a truncated tag', async (jwe: string) => `${jwe.slice(0, jwe.lastIndexOf('.'))}.AAAA`],
  ])('refuses %s with 422 invalid_jwe and writes nothing', async (_name, mangle) => {
    const tenderId = await createPublished(t)
    const good = await sealTo(await tenderJwk(t, tenderId), bidBody())
    const before = await snapshotCounts(t)
    const res = await submitJwe(t, tenderId, 'bidder1', await mangle(good, tenderId))
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('invalid_jwe')
    expect(await snapshotCounts(t)).toEqual(before)
  })
})

/** The JWE with fields added to its protected header (the ciphertext no longer authenticates: irrelevant here). */
function withHeader(jwe: string, extra: Record<string, unknown>): string {
  const [header, ...rest] = jwe.split('.')
  const json = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8'))
  return [Buffer.from(JSON.stringify({ ...json, ...extra })).toString('base64url'), ...rest].join('.')
}
