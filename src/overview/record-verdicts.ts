// Each record's verification verdict for the overview, by verifyRecord against the platform's public
// keys and revoked kids exactly as GET /api/v1/records/:id/verify does. A stored record never changes
// (its bytes are written once with its RECORD_ISSUED event), so a verdict is cached by record id and key
// set: a new, rotated or revoked key changes the key set and every record is verified again. The
// endpoint re-reads the bytes on every call; this page trades that for a page that stays fast.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { findRecord, type RecordMeta } from '../records/record-repository.ts'
import { type PublishedJwk, type RecordVerdictName, verifyRecord } from '../records/verify-record.ts'

export interface Verdict {
  readonly valid: boolean
  readonly verdict: RecordVerdictName
}

const MAX_CACHED = 10_000
const cache = new Map<string, { readonly keySet: string; readonly verdict: Verdict }>()

function remember(recordId: string, keySet: string, verdict: Verdict): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(recordId, { keySet, verdict })
}

/** The platform's keys as verification needs them: the JWKS, the revoked kids, and both as one key. */
export interface KeySet {
  readonly keys: readonly PublishedJwk[]
  readonly revoked: ReadonlySet<string>
  readonly id: string
}

/** The JWKS (listPublicSigningKeys) and the revoked kids (revokedKids) in one read of the key table. */
export async function readKeySet(db: Kysely<Database>): Promise<KeySet> {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['kid', 'public_jwk', 'revoked_at'])
    .orderBy('created_at')
    .execute()
  const keys = rows.map((row) => row.public_jwk as PublishedJwk)
  const revoked = new Set(rows.filter((row) => row.revoked_at !== null).map((row) => row.kid))
  return { keys, revoked, id: JSON.stringify([keys, [...revoked].sort()]) }
}

/** The verdict of each record in `metas` under `keySet` (the bytes read only on a cache miss). */
export async function recordVerdicts(
  db: Kysely<Database>,
  metas: readonly RecordMeta[],
  keySet: KeySet,
): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>()
  for (const meta of metas) {
    const cached = cache.get(meta.recordId)
    if (cached?.keySet === keySet.id) {
      verdicts.set(meta.recordId, cached.verdict)
      continue
    }
    const record = await findRecord(db, meta.recordId)
    const { valid, verdict } = verifyRecord(
      record.pdf,
      record.jws,
      { keys: keySet.keys },
      { revokedKids: keySet.revoked },
    )
    remember(meta.recordId, keySet.id, { valid, verdict })
    verdicts.set(meta.recordId, { valid, verdict })
  }
  return verdicts
}
