// Runs the static migration registry. Kysely's migrator takes a lock, so instances starting together
// on one PostgreSQL migrate once; on PGlite the data-folder lock keeps a second process out.
import { type Kysely, Migrator, sql } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import type { Database } from './schema.ts'

export interface MigrationOutcome {
  readonly applied: string[]
}

/**
 * `schema`: keep Kysely's bookkeeping tables in that schema. Without it Kysely looks for them in every
 * schema, so a second schema being migrated on the same server (parallel test files) makes it skip
 * creating its own lock table and fail with "relation kysely_migration_lock does not exist".
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<MigrationOutcome> {
  const migrationTableSchema = schema ?? (await currentSchema(db))
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error })
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? 'public'
}
