// Idempotency keys expire: a key (and the response stored with it) is kept for IDEMPOTENCY_KEY_TTL_MS
// after its first use, long enough for any client's retries, then purged in small batches so the table
// does not grow with every bid ever made. A bidder's receipts stay retrievable from its bids.
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { startPollingLoop } from '../shared/polling-loop.ts'

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000
const PURGE_BATCH = 1000
const PURGE_EVERY_MS = 15 * 60_000

/** Deletes keys first used before now − ttl; returns how many went. */
export async function purgeExpiredIdempotencyKeys(
  db: Kysely<Database>,
  now: Date,
  ttlMs = IDEMPOTENCY_KEY_TTL_MS,
): Promise<number> {
  const before = new Date(now.getTime() - ttlMs).toISOString()
  let purged = 0
  for (;;) {
    // A batch at a time: no long lock on a table that bids are writing to.
    const result = await sql`
      delete from idempotency_keys where (bidder_org_id, key) in (
        select bidder_org_id, key from idempotency_keys where created_at < ${before}::timestamptz
        limit ${PURGE_BATCH})`.execute(db)
    const deleted = Number(result.numAffectedRows ?? 0)
    purged += deleted
    if (deleted < PURGE_BATCH) return purged
  }
}

export interface Housekeeping {
  stop(): Promise<void>
}

/** Purges expired keys now and every PURGE_EVERY_MS; failures are logged and tried again next time. */
export function startIdempotencyExpiry(deps: {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly log: { info(details: object, message: string): void; warn(details: object, message: string): void }
}): Housekeeping {
  return startPollingLoop({
    round: async () => {
      const purged = await purgeExpiredIdempotencyKeys(deps.db, deps.clock.now())
      if (purged > 0) deps.log.info({ purged }, 'expired idempotency keys purged')
      return PURGE_EVERY_MS
    },
    pauseAfterFailureMs: PURGE_EVERY_MS,
    onFailure: (error) => deps.log.warn({ error: (error as Error).message }, 'idempotency key purge failed'),
    unref: true,
  })
}
