// The static migration registry: every migration by name, in order. Works the same under tsx and tests.
import type { Migration } from 'kysely'
import * as initial from './0001-initial.ts'
import * as keys from './0002-keys.ts'
import * as sealedBids from './0003-sealed-bids.ts'
import * as timers from './0004-timers.ts'
import * as credit from './0005-credit.ts'
import * as records from './0006-records.ts'
import * as idempotencyExpiry from './0007-idempotency-expiry.ts'
import * as sessions from './0008-sessions.ts'

export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-keys': keys,
  '0003-sealed-bids': sealedBids,
  '0004-timers': timers,
  '0005-credit': credit,
  '0006-records': records,
  '0007-idempotency-expiry': idempotencyExpiry,
  '0008-sessions': sessions,
}
