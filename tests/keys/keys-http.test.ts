// The public key routes: the JWKS and a tender's encryption key (404 for drafts, 200 once published).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TENDER_CONTENT_ENC, TENDER_KEY_ALG } from '../../src/keys/tender-keys.ts'
import { createDraft, createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

describe('GET /.well-known/jwks.json', () => {
  it('serves the public signing keys to anyone, cacheable, with no private part', async () => {
    const res = await t.http.get('/.well-known/jwks.json')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/)
    expect(res.body.keys).toHaveLength(1)
    expect(res.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
    expect(res.body.keys[0].kid).toMatch(/^sig-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/)
    expect(res.body.keys[0]).not.toHaveProperty('d')
  })
})

describe('GET /api/v1/tenders/{id}/encryption-key', () => {
  it('answers 404 no_encryption_key for a draft, even to its purchaser', async () => {
    const id = await createDraft(t)
    const res = await t.http
      .get(`/api/v1/tenders/${id}/encryption-key`)
      .set('authorization', `Bearer ${await t.token('purchaser')}`)
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('no_encryption_key')
  })

  it('answers the same 404 for a tender that does not exist', async () => {
    const res = await t.http.get('/api/v1/tenders/tnd_0123456789abcdef0123456789abcdef/encryption-key')
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('no_encryption_key')
  })

  it('serves the public JWK of a published tender to anyone, with alg, enc and the deadline', async () => {
    const id = await createPublished(t, 21)
    const tender = await t.http.get(`/api/v1/tenders/${id}`)
    const res = await t.http.get(`/api/v1/tenders/${id}/encryption-key`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      tenderId: id,
      jwk: {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: `enc-${id}`,
        alg: TENDER_KEY_ALG,
        use: 'enc',
      },
      alg: TENDER_KEY_ALG,
      enc: TENDER_CONTENT_ENC,
      deadline: tender.body.deadline,
    })
  })

  it('refuses a malformed id with 400', async () => {
    const res = await t.http.get('/api/v1/tenders/nope/encryption-key')
    expect(res.status).toBe(400)
  })
})
