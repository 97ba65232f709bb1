// Platform signing keys and per-tender encryption keys; private parts only ever wrapped by the KEK.
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table signing_keys (
      kid text primary key,
      alg text not null,
      public_jwk jsonb not null,
      wrapped_private_jwk text not null,
      kek_fingerprint text not null,
      created_at timestamptz not null,
      retired_at timestamptz
    );
    -- At most one active key: instances starting together (or rotating together) cannot make two.
    create unique index signing_keys_one_active on signing_keys ((retired_at is null)) where retired_at is null;

    create table tender_keys (
      tender_id text primary key references tenders(id),
      kid text not null unique,
      alg text not null,
      enc text not null,
      public_jwk jsonb not null,
      wrapped_private_jwk text not null,
      kek_fingerprint text not null,
      created_at timestamptz not null
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table tender_keys, signing_keys`.execute(db)
}
