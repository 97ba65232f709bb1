// Instances starting together on one PostgreSQL make exactly one signing key between them.
// PostgreSQL only: PGlite has one connection, so its "concurrent" starts run one after another.
import { randomBytes } from 'node:crypto'
import { decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys } from '../../src/keys/platform-keys.ts'
import { manualClock } from '../../src/shared/clock.ts'
import { onPostgres, openTestDatabase } from '../support/test-database.ts'

describe.runIf(onPostgres)('racing first starts', () => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database?.close())

  it('creates the signing key once even when several createPlatformKeys race', async () => {
    const kek = kekFromBase64(randomBytes(32).toString('base64'))
    const clock = manualClock('2026-11-28T02:00:00.000Z')
    const started = await Promise.all(
      Array.from({ length: 8 }, () => createPlatformKeys(database.db, kek, clock)),
    )

    const rows = await database.db.selectFrom('signing_keys').select(['kid', 'retired_at']).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.retired_at).toBeNull()
    const kids = await Promise.all(
      started.map(async (keys) => decodeProtectedHeader(await keys.sign({}, 'x')).kid),
    )
    expect(new Set(kids)).toEqual(new Set([rows[0]!.kid]))
    const audit = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'signing_key.created')
      .execute()
    expect(audit).toEqual([{ entity_id: rows[0]!.kid }])
  })
})
