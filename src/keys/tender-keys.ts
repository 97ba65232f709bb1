// One encryption key pair per tender (ECDH-ES+A256KW over P-256, content A256GCM: what every JOSE library
// supports). The public JWK is published; the private one is stored only wrapped by the KEK and
// unwrapTenderKey is the single way back to it, refusing until bidding has closed at the deadline.

import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { NotFound, RuleViolation } from '../shared/errors.ts'
import type { Kek } from './kek.ts'

export const TENDER_KEY_ALG = 'ECDH-ES+A256KW'
export const TENDER_CONTENT_ENC = 'A256GCM'
const CURVE = 'P-256'

export const tenderKeyAad = (tenderId: string) => `tender-key:${tenderId}`
export const tenderKeyId = (tenderId: string) => `enc-${tenderId}`

/** Makes and stores the tender's key pair (at PUBLISH, in its transaction); returns the public JWK. */
export async function createTenderKey(
  trx: Transaction<Database>,
  kek: Kek,
  tenderId: string,
  at: Date,
): Promise<JWK> {
  const kid = tenderKeyId(tenderId)
  const pair = await generateKeyPair(TENDER_KEY_ALG, { crv: CURVE, extractable: true })
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid, alg: TENDER_KEY_ALG, use: 'enc' }
  const privateJwk = JSON.stringify(await exportJWK(pair.privateKey))
  await trx
    .insertInto('tender_keys')
    .values({
      tender_id: tenderId,
      kid,
      alg: TENDER_KEY_ALG,
      enc: TENDER_CONTENT_ENC,
      public_jwk: JSON.stringify(publicJwk),
      wrapped_private_jwk: kek.wrap(Buffer.from(privateJwk, 'utf8'), tenderKeyAad(tenderId)),
      kek_fingerprint: kek.fingerprint,
      created_at: at,
    })
    .execute()
  return publicJwk
}

export async function findTenderPublicKey(db: Kysely<Database>, tenderId: string): Promise<JWK | null> {
  const row = await db
    .selectFrom('tender_keys')
    .select('public_jwk')
    .where('tender_id', '=', tenderId)
    .executeTakeFirst()
  return row ? (row.public_jwk as JWK) : null
}

export interface TenderEncryptionKey {
  readonly tenderId: string
  readonly jwk: JWK
  readonly alg: string
  readonly enc: string
  /** The tender's current bid deadline (extensions included). */
  readonly deadline: string | null
}

/** The published key with what a bidder needs beside it; null for drafts and unknown tenders. */
export async function findTenderEncryptionKey(
  db: Kysely<Database>,
  tenderId: string,
): Promise<TenderEncryptionKey | null> {
  const row = await db
    .selectFrom('tender_keys')
    .innerJoin('tenders', 'tenders.id', 'tender_keys.tender_id')
    .select(['tender_keys.public_jwk', 'tender_keys.alg', 'tender_keys.enc', 'tenders.deadline'])
    .where('tender_keys.tender_id', '=', tenderId)
    .executeTakeFirst()
  if (!row) return null
  const deadline = row.deadline === null ? null : new Date(row.deadline).toISOString()
  return { tenderId, jwk: row.public_jwk as JWK, alg: row.alg, enc: row.enc, deadline }
}

/**
 * The ONLY code path to the private key: refuses (422 tender_key_sealed) unless the tender's stream holds
 * a CLOSE_BIDDING event and `now` is at or after the deadline in the tender's projection.
 */
export async function unwrapTenderKey(
  trx: Transaction<Database>,
  kek: Kek,
  tenderId: string,
  now: Date,
): Promise<CryptoKey> {
  await assertUnsealable(trx, tenderId, now)
  const row = await trx
    .selectFrom('tender_keys')
    .select('wrapped_private_jwk')
    .where('tender_id', '=', tenderId)
    .executeTakeFirst()
  if (!row) throw new NotFound(`tender ${tenderId} has no encryption key`, {}, 'no_encryption_key')
  const plaintext = kek.unwrap(row.wrapped_private_jwk, tenderKeyAad(tenderId))
  const jwk = JSON.parse(Buffer.from(plaintext).toString('utf8')) as JWK
  // Not extractable: the unwrapped key can decrypt, never be exported again.
  const key = await importJWK(jwk, TENDER_KEY_ALG, { extractable: false })
  if (key instanceof Uint8Array) throw new Error(`the key of tender ${tenderId} is not an EC key`)
  return key
}

async function assertUnsealable(trx: Transaction<Database>, tenderId: string, now: Date): Promise<void> {
  const tender = await trx
    .selectFrom('tenders')
    .select('deadline')
    .where('id', '=', tenderId)
    .executeTakeFirst()
  if (!tender) throw new NotFound(`tender ${tenderId} does not exist`)
  const closed = await trx
    .selectFrom('events')
    .select('seq')
    .where('stream_id', '=', tenderStreamId(tenderId))
    .where('type', '=', 'CLOSE_BIDDING')
    .limit(1)
    .executeTakeFirst()
  const deadline = tender.deadline === null ? null : new Date(tender.deadline)
  if (closed && deadline !== null && now.getTime() >= deadline.getTime()) return
  throw new RuleViolation(
    closed
      ? `the tender key stays sealed until the deadline ${deadline?.toISOString()}`
      : 'the tender key stays sealed until bidding has closed (CLOSE_BIDDING)',
    { deadline: deadline?.toISOString() ?? null, serverTime: now.toISOString(), biddingClosed: !!closed },
    'tender_key_sealed',
  )
}
