// Durable timers (DESIGN §3 Time): one pending row per (tender, kind) that a worker fires when due, so
// closing bidding and ending publicity happen on time without a caller, and after a restart at once.
// Frozen in time: never import src/ here, never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table timers (
      id text primary key,
      tender_id text not null references tenders(id),
      kind text not null check (kind in ('close_bidding', 'end_publicity')),
      due_at timestamptz not null,
      status text not null check (status in ('pending', 'done', 'cancelled')),
      attempts integer not null default 0,
      last_error text,
      locked_until timestamptz,
      created_at timestamptz not null,
      fired_at timestamptz
    );
    create unique index timers_one_pending on timers(tender_id, kind) where status = 'pending';
    create index timers_due on timers(due_at) where status = 'pending';
  `.execute(db)
  await backfill(db)
}

/** Tenders already bidding or in publicity when this migration runs get the timer they would have had. */
async function backfill(db: Kysely<any>): Promise<void> {
  await sql`
    insert into timers (id, tender_id, kind, due_at, status, created_at)
    select 'tmr_' || replace(gen_random_uuid()::text, '-', ''), id,
           case when state = 'bidding' then 'close_bidding' else 'end_publicity' end,
           case when state = 'bidding' then deadline
                else (snapshot->'context'->>'publicityEndsAt')::timestamptz end,
           'pending', now()
    from tenders
    where (
        (state = 'bidding' and deadline is not null)
        or (state in ('candidatePublicity', 'resultPublicity')
            and snapshot->'context'->>'publicityEndsAt' is not null)
      )
      and coalesce(snapshot->'context'->>'suspended', 'false') <> 'true'
      and coalesce(jsonb_array_length(snapshot->'context'->'pendingObjections'), 0) = 0
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table timers`.execute(db)
}
