// The first schema: event store, projections, reference data and the audit log.
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table organisations (
      id text primary key,
      uscc text not null unique,
      name text not null,
      name_en text not null default '',
      kind text not null check (kind in ('purchaser', 'agent', 'bidder', 'platform', 'supervisor')),
      created_at timestamptz not null
    );
    create table users (
      id text primary key,
      username text not null unique,
      display_name text not null,
      org_id text not null references organisations(id),
      roles text[] not null,
      specialty text,
      created_at timestamptz not null
    );
    create index users_org on users(org_id);

    create table events (
      stream_id text not null,
      seq integer not null check (seq >= 1),
      type text not null,
      data jsonb not null,
      meta jsonb not null,
      recorded_at timestamptz not null,
      prev_hash text not null,
      hash text not null,
      primary key (stream_id, seq)
    );
    create function events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'events are append-only (% refused)', tg_op using errcode = 'P0001';
    end $$;
    create trigger events_append_only before update or delete on events
      for each row execute function events_refuse_change();
    create trigger events_no_truncate before truncate on events
      for each statement execute function events_refuse_change();

    create table tenders (
      id text primary key,
      purchaser_org_id text not null references organisations(id),
      reference text not null,
      title text not null,
      state text not null,
      version integer not null,
      deadline timestamptz,
      published_at timestamptz,
      snapshot jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index tenders_purchaser on tenders(purchaser_org_id);
    create index tenders_state on tenders(state);

    create table bids (
      id text primary key,
      tender_id text not null references tenders(id),
      bidder_org_id text not null references organisations(id),
      state text not null,
      version integer not null,
      content jsonb not null,
      content_hash text not null,
      price_fen bigint,
      submitted_at timestamptz not null,
      updated_at timestamptz not null
    );
    create unique index bids_one_live_per_bidder on bids(tender_id, bidder_org_id) where state = 'submitted';
    create index bids_tender on bids(tender_id);

    create table questions (
      id text primary key,
      tender_id text not null references tenders(id),
      asker_org_id text not null references organisations(id),
      question text not null,
      answer text,
      asked_at timestamptz not null,
      answered_at timestamptz
    );
    create index questions_tender on questions(tender_id);

    create table objections (
      id text primary key,
      tender_id text not null references tenders(id),
      raised_by_org_id text not null references organisations(id),
      stage text not null,
      summary text not null,
      answer text,
      upheld boolean,
      raised_at timestamptz not null,
      answered_at timestamptz
    );
    create index objections_tender on objections(tender_id);

    create table outbox (
      id bigserial primary key,
      stream_id text not null,
      seq integer not null,
      kind text not null,
      payload jsonb not null,
      created_at timestamptz not null,
      done_at timestamptz
    );
    create index outbox_pending on outbox(id) where done_at is null;

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null,
      actor_user_id text,
      actor_ip text,
      action text not null,
      entity text not null,
      entity_id text not null,
      before_hash text,
      after_hash text,
      details jsonb not null
    );
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'P0001';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_refuse_change();

    create table issuer_keys (
      kid text primary key,
      private_jwk jsonb not null,
      public_jwk jsonb not null,
      created_at timestamptz not null
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table issuer_keys, audit_log, outbox, objections, questions, bids, tenders, events, users, organisations;
    drop function events_refuse_change();
    drop function audit_log_refuse_change();
  `.execute(db)
}
