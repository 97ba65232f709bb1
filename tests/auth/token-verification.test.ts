// Bearer tokens: verified once and remembered, but never past their expiry on the injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmbeddedTokenService, type TokenService } from '../../src/auth/token-issuer.ts'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { manualClock } from '../../src/shared/clock.ts'
import { Unauthenticated } from '../../src/shared/errors.ts'
import { openTestDatabase } from '../support/test-database.ts'

let database: DatabaseHandle
const clock = manualClock('2026-03-02T01:30:00.000Z')
let tokens: TokenService
beforeAll(async () => {
  database = await openTestDatabase()
  tokens = await createEmbeddedTokenService(database.db, clock)
})
afterAll(() => database.close())

const claims = { userId: 'usr_a', orgId: 'org_a', roles: ['bidder' as const] }

describe('token verification', () => {
  it('accepts a fresh token, again from the cache, and refuses it once expired', async () => {
    const token = await tokens.issue(claims, 60)
    expect(await tokens.verify(token)).toEqual(claims)
    expect(await tokens.verify(token)).toEqual(claims)
    clock.advance(61_000)
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(Unauthenticated)
  })

  it('refuses a token whose signature was changed, even after the genuine one was cached', async () => {
    const token = await tokens.issue(claims, 600)
    await tokens.verify(token)
    const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`
    await expect(tokens.verify(tampered)).rejects.toBeInstanceOf(Unauthenticated)
  })

  it('refuses a token whose payload claims other roles', async () => {
    const token = await tokens.issue(claims, 600)
    const [header, , signature] = token.split('.')
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: 'usr_a', org: 'org_a', roles: ['operator'] }),
    ).toString('base64url')
    await expect(tokens.verify(`${header}.${forgedPayload}.${signature}`)).rejects.toBeInstanceOf(
      Unauthenticated,
    )
  })
})
