// Runs the static migration registry. Kysely's migrator takes a lock, so instances starting together
// on one PostgreSQL migrate once; on PGlite the data-folder lock keeps a second process out.
import { type Kysely, Migrator } from 'kysely'
import { migrations } from '../../migrations/index.ts'

export interface MigrationOutcome {
  readonly applied: string[]
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error })
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}
