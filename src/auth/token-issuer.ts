// The embedded default is its own token issuer: an Ed25519 key kept in issuer_keys signs short-lived
// JWTs for seeded users (dev login). Production verifies an external OIDC issuer's JWKS instead.
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  type JWTVerifyOptions,
  jwtVerify,
  SignJWT,
} from 'jose'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { Unauthenticated } from '../shared/errors.ts'
import { ROLES, type Role } from './actor.ts'
import { cacheVerifiedTokens, type VerifiedToken } from './verified-token-cache.ts'

export const DEV_ISSUER = 'youxuan-embedded'
export const AUDIENCE = 'youxuan'
const KID = 'dev-issuer-1'
const ALG = 'EdDSA'

export interface TokenClaims {
  readonly userId: string
  readonly orgId: string
  readonly roles: Role[]
}

export interface TokenService {
  issue(claims: TokenClaims, ttlSeconds?: number): Promise<string>
  verify(token: string): Promise<TokenClaims>
}

/** Loads the embedded issuer's key, creating it on first start (concurrent starts agree on one key). */
export async function createEmbeddedTokenService(db: Kysely<Database>, clock: Clock): Promise<TokenService> {
  const row = (await findIssuerKey(db)) ?? (await createIssuerKey(db, clock))
  const privateKey = await importJWK(row.private_jwk as JWK, ALG)
  const publicKey = await importJWK(row.public_jwk as JWK, ALG)
  return {
    async issue(claims, ttlSeconds = 8 * 3600) {
      const now = Math.floor(clock.now().getTime() / 1000)
      return new SignJWT({ org: claims.orgId, roles: claims.roles })
        .setProtectedHeader({ alg: ALG, kid: KID })
        .setSubject(claims.userId)
        .setIssuer(DEV_ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(privateKey)
    },
    verify: cacheVerifiedTokens(
      (token) => verifyWith((options) => jwtVerify(token, publicKey, options), DEV_ISSUER, clock),
      clock,
    ),
  }
}

function findIssuerKey(db: Kysely<Database>) {
  return db.selectFrom('issuer_keys').selectAll().where('kid', '=', KID).executeTakeFirst()
}

/** Creates the key on first start; instances starting together agree on whichever insert won. */
async function createIssuerKey(db: Kysely<Database>, clock: Clock) {
  const fresh = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true })
  await db
    .insertInto('issuer_keys')
    .values({
      kid: KID,
      private_jwk: JSON.stringify(await exportJWK(fresh.privateKey)),
      public_jwk: JSON.stringify(await exportJWK(fresh.publicKey)),
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute()
  const row = await findIssuerKey(db)
  if (!row) throw new Error('the token issuer key could not be stored')
  return row
}

/** Verifies tokens from an external OIDC issuer; it never issues any. */
export function createOidcTokenService(jwksUrl: string, issuer: string, clock: Clock): TokenService {
  const jwks = createRemoteJWKSet(new URL(jwksUrl))
  return {
    issue: () => Promise.reject(new Unauthenticated('this installation uses an external identity provider')),
    verify: cacheVerifiedTokens(
      (token) => verifyWith((options) => jwtVerify(token, jwks, options), issuer, clock),
      clock,
    ),
  }
}

async function verifyWith(
  verify: (options: JWTVerifyOptions) => Promise<{ payload: JWTPayload }>,
  issuer: string,
  clock: Clock,
): Promise<VerifiedToken> {
  try {
    const { payload } = await verify({ issuer, audience: AUDIENCE, currentDate: clock.now() })
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : []
    if (typeof payload.sub !== 'string' || typeof payload.org !== 'string') {
      throw new Unauthenticated('the token lacks a subject or organisation')
    }
    if (typeof payload.exp !== 'number') throw new Unauthenticated('the token has no expiry')
    return { claims: { userId: payload.sub, orgId: payload.org, roles }, expiresAt: payload.exp * 1000 }
  } catch (error) {
    if (error instanceof Unauthenticated) throw error
    throw new Unauthenticated(`the bearer token was refused: ${(error as Error).message}`)
  }
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
