// All SQL on signing_keys: the active key, the public set, creating the first key and rotating.
// Private JWKs go in and out only wrapped by the KEK (AAD 'signing-key:' + kid).
import { randomBytes } from 'node:crypto'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import type { Insertable, Kysely, Transaction } from 'kysely'
import { recordAudit } from '../audit-log/audit-log.ts'
import type { Database } from '../db/schema.ts'
import type { SigningKeysTable } from '../db/tables/keys.ts'
import { Conflict } from '../shared/errors.ts'
import type { Kek } from './kek.ts'

export const SIGNING_ALG = 'EdDSA'
const UNIQUE_VIOLATION = '23505'

export interface StoredSigningKey {
  readonly kid: string
  readonly privateJwk: JWK
}

export const signingKeyAad = (kid: string) => `signing-key:${kid}`

/** The active key with its private JWK unwrapped, or null when none was made yet. */
export async function findActiveSigningKey(db: Kysely<Database>, kek: Kek): Promise<StoredSigningKey | null> {
  const row = await db
    .selectFrom('signing_keys')
    .select(['kid', 'wrapped_private_jwk'])
    .where('retired_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  const plaintext = kek.unwrap(row.wrapped_private_jwk, signingKeyAad(row.kid))
  return { kid: row.kid, privateJwk: JSON.parse(Buffer.from(plaintext).toString('utf8')) as JWK }
}

/** Every public key, retired ones included, oldest first. */
export async function listPublicSigningKeys(db: Kysely<Database>): Promise<JWK[]> {
  const rows = await db.selectFrom('signing_keys').select('public_jwk').orderBy('created_at').execute()
  return rows.map((row) => row.public_jwk as JWK)
}

interface NewSigningKey {
  readonly kid: string
  readonly values: Insertable<SigningKeysTable>
}

async function generateSigningKey(kek: Kek, at: Date): Promise<NewSigningKey> {
  const kid = `sig-${at.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`
  const pair = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true })
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: SIGNING_ALG, use: 'sig' }
  const privateJwk = JSON.stringify(await exportJWK(pair.privateKey))
  return {
    kid,
    values: {
      kid,
      alg: SIGNING_ALG,
      public_jwk: JSON.stringify(publicJwk),
      wrapped_private_jwk: kek.wrap(Buffer.from(privateJwk, 'utf8'), signingKeyAad(kid)),
      kek_fingerprint: kek.fingerprint,
      created_at: at,
      retired_at: null,
    },
  }
}

/**
 * Makes the first key unless one is active. Instances starting together each try; the partial unique
 * index lets exactly one insert win and the others do nothing.
 */
export async function createFirstSigningKey(db: Kysely<Database>, kek: Kek, at: Date): Promise<void> {
  const fresh = await generateSigningKey(kek, at)
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('signing_keys')
      .values(fresh.values)
      .onConflict((oc) => oc.doNothing())
      .returning('kid')
      .executeTakeFirst()
    if (inserted) await auditKey(trx, 'signing_key.created', fresh.kid, at)
  })
}

/** Retires the active key (kept, so what it signed still verifies) and makes a new active one. */
export async function rotateSigningKey(db: Kysely<Database>, kek: Kek, at: Date): Promise<string> {
  const fresh = await generateSigningKey(kek, at)
  try {
    await db.transaction().execute(async (trx) => {
      const active = await trx
        .selectFrom('signing_keys')
        .select('kid')
        .where('retired_at', 'is', null)
        .forUpdate()
        .executeTakeFirst()
      if (active) {
        await trx.updateTable('signing_keys').set({ retired_at: at }).where('kid', '=', active.kid).execute()
        await auditKey(trx, 'signing_key.retired', active.kid, at)
      }
      await trx.insertInto('signing_keys').values(fresh.values).execute()
      await auditKey(trx, 'signing_key.created', fresh.kid, at)
    })
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new Conflict('another key rotation committed at the same time; retry')
    }
    throw error
  }
  return fresh.kid
}

function auditKey(trx: Transaction<Database>, action: string, kid: string, at: Date) {
  return recordAudit(trx, {
    at,
    actorUserId: null,
    actorIp: null,
    action,
    entity: 'signing_key',
    entityId: kid,
    before: null,
    after: { kid },
  })
}
