// The platform's signing keys as a service: sign with the active key (EdDSA Ed25519), publish every
// public key, rotate. Receipts and signed records are made here; verifiers need only the JWKS.
import { createPrivateKey, type JsonWebKey, type KeyObject, sign as signBytes } from 'node:crypto'
import type { JWK } from 'jose'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import type { Kek } from './kek.ts'
import {
  createFirstSigningKey,
  findActiveSigningKey,
  listPublicSigningKeys,
  rotateSigningKey,
  SIGNING_ALG,
} from './signing-key-store.ts'

export interface PlatformKeys {
  readonly kek: Kek
  /** A compact JWS over the JSON payload; protected header {alg, kid, typ}. */
  sign(payload: Record<string, unknown>, typ: string): Promise<string>
  /** Every public key, retired included (alg, kid, use 'sig'). */
  jwks(): Promise<{ keys: JWK[] }>
  /** Makes a new active key; the old one is retired but kept. Returns the new kid. */
  rotate(at: Date): Promise<string>
}

interface Signer {
  readonly kid: string
  readonly key: KeyObject
  /** performance.now() when read: another instance may rotate, so the active key is re-read now and then. */
  readonly loadedAt: number
}

/** How long a process signs with the key it read before asking the database again. */
const REREAD_ACTIVE_KEY_MS = 60_000

/** Loads the active signing key, creating the first one if there is none (race-safe across instances). */
export async function createPlatformKeys(
  db: Kysely<Database>,
  kek: Kek,
  clock: Clock,
): Promise<PlatformKeys> {
  let signer = await loadSigner(db, kek, clock)
  let rereading: Promise<void> | null = null
  const reread = () =>
    loadSigner(db, kek, clock)
      .then(
        (fresh) => {
          signer = fresh
        },
        // Keep signing with the key we have (it stays valid in the JWKS) and ask again later.
        () => {
          signer = { ...signer, loadedAt: performance.now() }
        },
      )
      .finally(() => {
        rereading = null
      })
  const current = async () => {
    if (!rereading && performance.now() - signer.loadedAt >= REREAD_ACTIVE_KEY_MS) rereading = reread()
    if (rereading) await rereading
    return signer
  }
  return {
    kek,
    async sign(payload, typ) {
      const { kid, key } = await current()
      return compactJws({ alg: SIGNING_ALG, kid, typ }, payload, key)
    },
    async jwks() {
      return { keys: await listPublicSigningKeys(db) }
    },
    async rotate(at) {
      const kid = await rotateSigningKey(db, kek, at)
      signer = await loadSigner(db, kek, clock)
      return kid
    },
  }
}

async function loadSigner(db: Kysely<Database>, kek: Kek, clock: Clock): Promise<Signer> {
  let active = await findActiveSigningKey(db, kek)
  if (!active) {
    await createFirstSigningKey(db, kek, clock.now())
    active = await findActiveSigningKey(db, kek)
  }
  if (!active) throw new Error('no active signing key could be stored')
  const key = createPrivateKey({ key: active.privateJwk as JsonWebKey, format: 'jwk' })
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`signing key ${active.kid} is not an Ed25519 key`)
  return { kid: active.kid, key, loadedAt: performance.now() }
}

const b64url = (text: string) => Buffer.from(text).toString('base64url')

/**
 * A compact JWS (RFC 7515) signed with Node's synchronous Ed25519: the deadline rush signs a receipt per
 * bid, and WebCrypto's asynchronous path cost ~4× as much CPU per signature.
 */
function compactJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject,
): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
  return `${signingInput}.${signBytes(null, Buffer.from(signingInput), key).toString('base64url')}`
}
