// Two instances starting at once on one PostgreSQL must migrate once and agree (Kysely's lock).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openPostgres } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { onPostgres, postgresUrl } from '../support/test-database.ts'

describe.runIf(onPostgres)('concurrent migration (PostgreSQL)', () => {
  it('three migrators racing on an empty schema apply each migration exactly once', async () => {
    const schema = `test_mig_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: postgresUrl ?? undefined })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    const handles = [1, 2, 3].map(() => openPostgres({ url: postgresUrl!, schema, maxConnections: 2 }))
    try {
      const outcomes = await Promise.all(handles.map((h) => migrateToLatest(h.db, schema)))
      const applied = outcomes.flatMap((o) => o.applied)
      expect(applied.filter((name) => name === '0001-initial')).toHaveLength(1)
      const { rows } = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(
        handles[0]!.db,
      )
      expect(Number(rows[0]?.n)).toBeGreaterThan(0)
    } finally {
      await Promise.all(handles.map((h) => h.close()))
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  })
})
