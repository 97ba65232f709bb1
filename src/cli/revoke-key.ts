// `youxuan revoke-key <kid> --reason <text>`: marks a signing key revoked (rotating first if it is the
// active one); what it signed then verifies as "revoked". Exit 0 when the key is revoked.
import { loadConfig } from '../config.ts'
import { revokeSigningKey } from '../records/revoke-key.ts'
import { openRuntime } from '../runtime.ts'
import { systemClock } from '../shared/clock.ts'
import { DomainError } from '../shared/errors.ts'

export const REVOKE_KEY_USAGE = 'usage: youxuan revoke-key <kid> --reason <text>'

export async function revokeKeyCommand(args: string[]): Promise<number> {
  const [kid, flag, reason, ...rest] = args
  if (!kid || kid.startsWith('--') || flag !== '--reason' || !reason || rest.length > 0) {
    console.error(REVOKE_KEY_USAGE)
    return 2
  }
  const runtime = await openRuntime(loadConfig(), systemClock)
  try {
    const revoked = await revokeSigningKey(runtime.database.db, runtime.keys, {
      kid,
      reason,
      at: systemClock.now(),
      actorUserId: null,
    })
    console.log(`revoked ${revoked.kid} at ${revoked.revokedAt}`)
    if (revoked.newActiveKid) console.log(`new active signing key: ${revoked.newActiveKid}`)
    return 0
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    console.error(error.message)
    return 1
  } finally {
    await runtime.close()
  }
}
