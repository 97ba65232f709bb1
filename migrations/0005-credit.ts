// Credit data (DESIGN §7): the local credit register (filled by `youxuan credit import`), the imports
// that filled it, and the immutable credit snapshots that events reference by id.
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table credit_imports (
      id text primary key,
      file_name text not null,
      file_sha256 text not null,
      strict boolean not null,
      rows_total integer not null,
      rows_bad integer not null,
      inserted integer not null,
      updated integer not null,
      unchanged integer not null,
      imported_by text,
      imported_at timestamptz not null
    );
    create index credit_imports_at on credit_imports(imported_at);

    -- One row per finding, keyed by what it is: (subject, kind, the decision's reference). A re-import
    -- of the same file changes nothing; a changed row (e.g. a ban's new end date) is updated and takes
    -- the import's id.
    create table credit_records (
      uscc text not null,
      kind text not null check (kind in ('seriousDishonesty', 'judgmentDefaulter', 'majorTaxViolation',
        'gpSeriousViolation', 'biddingBan', 'penalty', 'rating')),
      reference text not null,
      subject_name text,
      authority text,
      starts_on date,
      ends_on date,
      detail text,
      grade text,
      import_id text not null references credit_imports(id),
      imported_at timestamptz not null,
      primary key (uscc, kind, reference)
    );

    create table credit_snapshots (
      id text primary key,
      uscc text not null,
      purpose text not null check (purpose in ('bid_submission', 'opening', 'dossier', 'manual_query')),
      tender_id text references tenders(id),
      bid_id text,
      requested_by text,
      requester_org_id text,
      request_id text,
      queried_at timestamptz not null,
      cutoff_at timestamptz not null,
      complete boolean not null,
      outcome text check (outcome in ('clear', 'flag', 'refuse', 'unavailable')),
      report jsonb not null,
      verdict jsonb,
      raw_sha256 text[] not null,
      sha256 text not null
    );
    create index credit_snapshots_tender on credit_snapshots(tender_id) where tender_id is not null;
    create index credit_snapshots_uscc on credit_snapshots(uscc);
    create function credit_snapshots_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'credit snapshots are immutable (% refused)', tg_op using errcode = 'P0001';
    end $$;
    create trigger credit_snapshots_immutable before update or delete on credit_snapshots
      for each row execute function credit_snapshots_refuse_change();
    create trigger credit_snapshots_no_truncate before truncate on credit_snapshots
      for each statement execute function credit_snapshots_refuse_change();
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table credit_snapshots, credit_records, credit_imports;
    drop function credit_snapshots_refuse_change();
  `.execute(db)
}
