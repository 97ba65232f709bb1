// The tender key: published at PUBLISH, stored only wrapped, and unwrappable only after CLOSE_BIDDING at
// or after the deadline; a JWE any JOSE library makes to the published JWK opens with it.
import { CompactEncrypt, compactDecrypt, importJWK, type JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TENDER_CONTENT_ENC, TENDER_KEY_ALG, unwrapTenderKey } from '../../src/keys/tender-keys.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { RuleViolation } from '../../src/shared/errors.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

const unwrap = (tenderId: string, now: Date) =>
  t.database.db.transaction().execute((trx) => unwrapTenderKey(trx, t.keys.kek, tenderId, now))

async function closeBidding(tenderId: string) {
  const res = await t.http
    .post(`/api/v1/tenders/${tenderId}/close-bidding`)
    .set('authorization', `Bearer ${await t.token('purchaser')}`)
  expect(res.status).toBe(200)
}

async function sealedError(tenderId: string, now: Date): Promise<RuleViolation> {
  const error = await unwrap(tenderId, now).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RuleViolation)
  return error as RuleViolation
}

describe('the tender encryption key', () => {
  it('decrypts, after close, a JWE made with jose CompactEncrypt to the published JWK', async () => {
    // Given a published tender and a bid encrypted to its public key
    const tenderId = await createPublished(t, 21)
    const published = await t.http.get(`/api/v1/tenders/${tenderId}/encryption-key`)
    const jwk = published.body.jwk as JWK
    const bid = new TextEncoder().encode(JSON.stringify({ priceFen: '3790000000', note: '投标文件' }))
    const jwe = await new CompactEncrypt(bid)
      .setProtectedHeader({ alg: TENDER_KEY_ALG, enc: TENDER_CONTENT_ENC, kid: jwk.kid! })
      .encrypt(await importJWK(jwk, TENDER_KEY_ALG))

    // When the deadline passes and bidding is closed
    t.clock.advance(21 * DAY_MS + 1000)
    await closeBidding(tenderId)

    // Then the unwrapped key opens the bid, and cannot be exported
    const key = await unwrap(tenderId, t.clock.now())
    expect(key.extractable).toBe(false)
    const { plaintext } = await compactDecrypt(jwe, key)
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual({
      priceFen: '3790000000',
      note: '投标文件',
    })
  })

  it('stays sealed (422 tender_key_sealed) before the deadline', async () => {
    const tenderId = await createPublished(t, 21)
    const error = await sealedError(tenderId, t.clock.now())
    expect(error.status).toBe(422)
    expect(error.code).toBe('tender_key_sealed')
    expect(error.extra).toMatchObject({ biddingClosed: false, serverTime: t.clock.now().toISOString() })
  })

  it('stays sealed after the deadline until CLOSE_BIDDING is in the stream', async () => {
    const tenderId = await createPublished(t, 21)
    t.clock.advance(22 * DAY_MS)
    const error = await sealedError(tenderId, t.clock.now())
    expect(error.code).toBe('tender_key_sealed')
    expect(error.message).toMatch(/until bidding has closed/)
  })

  it('stays sealed, even with CLOSE_BIDDING recorded, for a time before the deadline', async () => {
    const tenderId = await createPublished(t, 21)
    const deadline = new Date(t.clock.now().getTime() + 21 * DAY_MS)
    t.clock.set(deadline)
    await closeBidding(tenderId)
    const error = await sealedError(tenderId, new Date(deadline.getTime() - 1))
    expect(error.code).toBe('tender_key_sealed')
    expect(error.extra).toMatchObject({ biddingClosed: true, deadline: deadline.toISOString() })
    await expect(unwrap(tenderId, deadline)).resolves.toBeDefined()
  })

  it('never holds the private key in clear: no "d" member in the stored row', async () => {
    const tenderId = await createPublished(t, 21)
    const row = await t.database.db
      .selectFrom('tender_keys')
      .selectAll()
      .where('tender_id', '=', tenderId)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toMatch(/"d"/)
    expect(row.public_jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: TENDER_KEY_ALG, use: 'enc' })
    expect(row.public_jwk).not.toHaveProperty('d')
    expect(row.wrapped_private_jwk).toMatch(/^kek1\./)
    // The wrapped key is bound to its tender: it does not unwrap as another tender's key.
    expect(() => t.keys.kek.unwrap(row.wrapped_private_jwk, 'tender-key:tnd_other')).toThrow()
  })

  it('exists only for published tenders: a draft has none', async () => {
    const count = await t.database.db
      .selectFrom('tender_keys')
      .innerJoin('tenders', 'tenders.id', 'tender_keys.tender_id')
      .where('tenders.state', '=', 'draft')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })
})
