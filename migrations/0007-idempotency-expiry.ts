// Idempotency keys expire (24 hours by default, like the major payment APIs): an index on created_at so
// the purge reads only what it deletes.
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index idempotency_keys_created_at on idempotency_keys(created_at)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index idempotency_keys_created_at`.execute(db)
}
