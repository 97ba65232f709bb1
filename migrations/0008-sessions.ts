// Browser sessions of the web UI: the cookie holds a random id, this table only its SHA-256, with who
// signed in (user, organisation, roles), when, until when, and when it was ended (sign-out, revocation).
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sessions (
      id_hash text primary key check (id_hash ~ '^[0-9a-f]{64}$'),
      user_id text not null references users(id),
      org_id text not null references organisations(id),
      roles text[] not null,
      created_at timestamptz not null,
      expires_at timestamptz not null check (expires_at > created_at),
      revoked_at timestamptz
    );
    create index sessions_user on sessions(user_id);
    create index sessions_expires_at on sessions(expires_at);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table sessions`.execute(db)
}
