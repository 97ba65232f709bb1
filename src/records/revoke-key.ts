// Revoking a signing key (it is compromised, or no longer trusted): the key stays published, marked
// "revoked_at" in the JWKS, and everything it signed verifies as "revoked". An active key is first
// rotated out, so the platform signs on with a fresh one. `youxuan revoke-key <kid> --reason <text>`.
import { type Kysely, sql } from 'kysely'
import { recordAudit } from '../audit-log/audit-log.ts'
import type { Database } from '../db/schema.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { InvalidInput, NotFound } from '../shared/errors.ts'

export async function revokeSigningKey(
  db: Kysely<Database>,
  keys: PlatformKeys,
  input: { kid: string; reason: string; at: Date; actorUserId: string | null },
): Promise<{ kid: string; revokedAt: string; newActiveKid: string | null }> {
  const { kid, reason, at } = input
  if (reason.trim() === '') throw new InvalidInput('a revocation needs a reason')
  const key = await db
    .selectFrom('signing_keys')
    .select(['kid', 'retired_at', 'revoked_at'])
    .where('kid', '=', kid)
    .executeTakeFirst()
  if (!key) throw new NotFound(`no signing key ${kid}`)
  if (key.revoked_at) return { kid, revokedAt: new Date(key.revoked_at).toISOString(), newActiveKid: null }
  // Never go on signing with the key being revoked.
  const newActiveKid = key.retired_at === null ? await keys.rotate(at) : null
  const revokedAt = at.toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signing_keys')
      .set({
        revoked_at: at,
        revocation_reason: reason,
        public_jwk: sql`public_jwk || ${JSON.stringify({ revoked_at: revokedAt })}::jsonb`,
      })
      .where('kid', '=', kid)
      .where('revoked_at', 'is', null)
      .execute()
    await recordAudit(trx, {
      at,
      actorUserId: input.actorUserId,
      actorIp: null,
      action: 'signing_key.revoked',
      entity: 'signing_key',
      entityId: kid,
      before: { kid },
      after: { kid, revokedAt },
      details: { reason },
    })
  })
  return { kid, revokedAt, newActiveKid }
}
