// Platform signing keys: made once, private part stored only wrapped, JWKS lists every key,
// rotation keeps the old key published so what it signed still verifies.
import { randomBytes } from 'node:crypto'
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { type Kek, kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys } from '../../src/keys/platform-keys.ts'
import { manualClock } from '../../src/shared/clock.ts'
import { openTestDatabase } from '../support/test-database.ts'

let database: DatabaseHandle
let kek: Kek
const clock = manualClock('2026-11-28T02:00:00.000Z')

beforeAll(async () => {
  database = await openTestDatabase()
  kek = kekFromBase64(randomBytes(32).toString('base64'))
})
afterAll(() => database?.close())

const storedRows = () => database.db.selectFrom('signing_keys').selectAll().orderBy('created_at').execute()

describe('platform signing keys', () => {
  it('makes the first key at start, and a second start reuses it', async () => {
    const first = await createPlatformKeys(database.db, kek, clock)
    const second = await createPlatformKeys(database.db, kek, clock)
    const rows = await storedRows()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.kid).toMatch(/^sig-2026-11-28-[0-9a-f]{8}$/)
    expect(await second.jwks()).toEqual(await first.jwks())
  })

  it('stores the private key only wrapped: no "d" member in any stored JSON', async () => {
    const [row] = await storedRows()
    expect(JSON.stringify(row)).not.toMatch(/"d"/)
    expect(row!.public_jwk).not.toHaveProperty('d')
    expect(row!.wrapped_private_jwk).toMatch(/^kek1\./)
    expect(row!.kek_fingerprint).toBe(kek.fingerprint)
  })

  it('signs a compact JWS with {alg, kid, typ} that verifies against its JWKS', async () => {
    const keys = await createPlatformKeys(database.db, kek, clock)
    const jws = await keys.sign({ hello: '你好' }, 'youxuan-test+jws')
    const header = decodeProtectedHeader(jws)
    expect(header).toEqual({ alg: 'EdDSA', kid: (await storedRows())[0]!.kid, typ: 'youxuan-test+jws' })
    const { payload } = await compactVerify(jws, createLocalJWKSet(await keys.jwks()))
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ hello: '你好' })
  })

  it('publishes public keys with alg, kid and use "sig"', async () => {
    const { keys } = await (await createPlatformKeys(database.db, kek, clock)).jwks()
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
      expect(key).not.toHaveProperty('d')
    }
  })

  it('refuses to start with another KEK than the one that wrapped the stored key', async () => {
    const otherKek = kekFromBase64(randomBytes(32).toString('base64'))
    await expect(createPlatformKeys(database.db, otherKek, clock)).rejects.toThrow(/wrapped by KEK/)
  })
})
