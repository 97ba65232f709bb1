// Signed records (DESIGN §6): the stored PDF bytes and JWS of each record, the outbox's claim columns for
// the worker that makes them, and a revocation mark on signing keys (a compromised key's records fail).
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A worker's claim on an outbox row: nobody else works on it before locked_until (a crashed
    -- worker's claim lapses and the row is picked up again).
    alter table outbox
      add column locked_until timestamptz,
      add column attempts integer not null default 0,
      add column last_error text;
    -- One pending job per record: the record id is derived from what it certifies.
    create unique index outbox_one_record on outbox ((payload->>'recordId')) where kind = 'record';

    create table records (
      id text primary key,
      tender_id text not null references tenders(id),
      type text not null check (type in ('opening_record', 'evaluation_report', 'award_report',
        'award_notice', 'unsuccessful_notice', 'replay_certificate')),
      recipient_org_id text references organisations(id),
      certified_stream_id text not null,
      certified_seq integer not null,
      certified_hash text not null,
      certified_type text not null,
      issued_at timestamptz not null,
      pdf bytea not null,
      pdf_sha256 text not null,
      jws text not null,
      kid text not null references signing_keys(kid),
      issuance_seq integer not null,
      created_at timestamptz not null
    );
    create index records_tender on records(tender_id, certified_seq);

    -- A record is its exact bytes: never changed, never removed.
    create function records_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'records are append-only';
    end $$;
    create trigger records_append_only before update or delete on records
      for each row execute function records_refuse_change();

    -- Revoked: the key is no longer trusted (compromised); what it signed verifies as "revoked".
    alter table signing_keys
      add column revoked_at timestamptz,
      add column revocation_reason text;
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table signing_keys drop column revoked_at, drop column revocation_reason;
    drop table records;
    drop function records_refuse_change();
    drop index outbox_one_record;
    alter table outbox drop column locked_until, drop column attempts, drop column last_error;
  `.execute(db)
}
