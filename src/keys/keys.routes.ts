// Public key routes: the platform's JWKS (to verify receipts and records) and each tender's
// encryption key (to seal a bid so that nobody, the platform included, can read it before opening).
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { sendProblem } from '../http/problem.ts'
import { ProblemRef, TenderIdParams } from '../http/schemas.ts'
import { NotFound } from '../shared/errors.ts'
import type { PlatformKeys } from './platform-keys.ts'
import { findTenderEncryptionKey, TENDER_CONTENT_ENC, TENDER_KEY_ALG } from './tender-keys.ts'

const Jwk = Type.Object(
  {
    kty: Type.String({ examples: ['OKP'] }),
    kid: Type.String({ examples: ['sig-2026-03-02-9f3a61c2'] }),
    alg: Type.String({ examples: ['EdDSA'] }),
    use: Type.String({ examples: ['sig'] }),
  },
  { additionalProperties: true, description: 'a public JWK (RFC 7517)' },
)

const Jwks = Type.Object(
  { keys: Type.Array(Jwk) },
  { additionalProperties: false, description: 'every platform signing key, retired ones included' },
)

const EncryptionKey = Type.Object(
  {
    tenderId: Type.String(),
    jwk: Type.Object(
      {
        kty: Type.String({ examples: ['EC'] }),
        crv: Type.String({ examples: ['P-256'] }),
        kid: Type.String(),
        alg: Type.String({ examples: [TENDER_KEY_ALG] }),
        use: Type.String({ examples: ['enc'] }),
      },
      { additionalProperties: true, description: 'the public JWK to encrypt bids to' },
    ),
    alg: Type.String({ examples: [TENDER_KEY_ALG], description: 'JWE key management algorithm' }),
    enc: Type.String({ examples: [TENDER_CONTENT_ENC], description: 'JWE content encryption' }),
    deadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'the current bid deadline (UTC ISO-8601)',
    }),
  },
  { additionalProperties: false },
)

const ENCRYPT_EXAMPLE = [
  'Encrypt the bid (JSON, UTF-8) to this key with any JOSE library and submit the compact JWE.',
  'With `jose` (JavaScript):',
  '',
  '```js',
  "import { CompactEncrypt, importJWK } from 'jose'",
  "const { jwk, alg } = await (await fetch(base + '/api/v1/tenders/' + tenderId + '/encryption-key')).json()",
  'const key = await importJWK(jwk, alg)',
  'const bytes = new TextEncoder().encode(JSON.stringify(bid))',
  "const jwe = await new CompactEncrypt(bytes).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: jwk.kid }).encrypt(key)",
  '```',
  '',
  'The private key is held wrapped by the platform key-encryption key and cannot be unwrapped before ' +
    'bidding has closed at the deadline.',
].join('\n')

export async function keysRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; keys: PlatformKeys }) {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        operationId: 'getJwks',
        tags: ['platform'],
        summary: 'The platform signing keys (JWKS) that receipts and records are verified against',
        response: { 200: Jwks, 503: ProblemRef },
      },
    },
    async (request, reply) => {
      const jwks = await deps.keys.jwks().catch((error: unknown) => {
        request.log.error({ err: error }, 'the signing keys could not be read')
        return null
      })
      if (!jwks)
        return sendProblem(reply, 503, 'keys_unavailable', 'the signing keys cannot be read right now')
      // Keys are added by rotation, never removed: a short cache is always safe.
      reply.header('cache-control', 'public, max-age=300')
      return jwks
    },
  )

  app.get(
    '/api/v1/tenders/:id/encryption-key',
    {
      schema: {
        operationId: 'getTenderEncryptionKey',
        tags: ['bidding'],
        summary: "The tender's public encryption key (JWK) for sealing bids; public once published",
        description: ENCRYPT_EXAMPLE,
        params: TenderIdParams,
        response: { 200: EncryptionKey, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      const found = await findTenderEncryptionKey(deps.db, id)
      // One answer for drafts and unknown ids, so the route tells nobody which drafts exist.
      if (!found) {
        throw new NotFound(`tender ${id} has no encryption key: it is not published`, {}, 'no_encryption_key')
      }
      return found
    },
  )
}
