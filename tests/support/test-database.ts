// A fresh database for one test file: PGlite from the migrated dump by default, or — with
// DATABASE_URL set — a new schema of its own on that PostgreSQL, dropped afterwards.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'

export const postgresUrl = process.env.DATABASE_URL || null

/** Tests that need several real connections (races) run only on PostgreSQL. */
export const onPostgres = postgresUrl !== null

export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (!postgresUrl) {
    const dump = fs.readFileSync(inject('pgliteDumpPath'))
    return openPglite(null, new Blob([dump]))
  }
  const schema = `test_${randomBytes(6).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  const database = openPostgres({ url: postgresUrl, schema, maxConnections: 10 })
  await migrateToLatest(database.db, schema)
  return {
    ...database,
    close: async () => {
      await database.close()
      await adminQuery(`drop schema ${schema} cascade`)
    },
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl ?? undefined })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
