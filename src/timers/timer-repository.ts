// All SQL on the timers table: the tender's pending timers (written inside tender commands) and the
// worker's claim, which takes due rows with FOR UPDATE SKIP LOCKED so several instances never collide.
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { TimersTable } from '../db/tables/timers.ts'
import { newId } from '../shared/ids.ts'
import type { PendingTimer, TimerKind, TimerPlan } from './schedule-timers.ts'

type TimerRow = Selectable<TimersTable>

/** A claimed timer, as the worker fires it. */
export interface ClaimedTimer {
  readonly id: string
  readonly tenderId: string
  readonly kind: TimerKind
  readonly dueAt: Date
  readonly attempts: number
}

const claimed = (row: TimerRow): ClaimedTimer => ({
  id: row.id,
  tenderId: row.tender_id,
  kind: row.kind,
  dueAt: row.due_at,
  attempts: row.attempts,
})

export async function pendingTimersOf(trx: Transaction<Database>, tenderId: string): Promise<PendingTimer[]> {
  const rows = await trx
    .selectFrom('timers')
    .select(['id', 'kind', 'due_at'])
    .where('tender_id', '=', tenderId)
    .where('status', '=', 'pending')
    .execute()
  return rows.map((row) => ({ id: row.id, kind: row.kind, dueAt: row.due_at }))
}

/** Applies a plan from planTimers, inside the tender command's transaction. */
export async function applyTimerPlan(
  trx: Transaction<Database>,
  tenderId: string,
  plan: TimerPlan,
  at: Date,
): Promise<void> {
  for (const timer of plan.create) {
    await trx
      .insertInto('timers')
      .values({
        id: newId('tmr'),
        tender_id: tenderId,
        kind: timer.kind,
        due_at: timer.dueAt,
        status: 'pending',
        last_error: null,
        locked_until: null,
        created_at: at,
        fired_at: null,
      })
      .execute()
  }
  for (const { id, dueAt } of plan.move) {
    // A new due time voids any claim or back-off taken against the old one.
    await trx.updateTable('timers').set({ due_at: dueAt, locked_until: null }).where('id', '=', id).execute()
  }
  for (const { id, status } of plan.settle) {
    await trx
      .updateTable('timers')
      .set({ status, fired_at: status === 'done' ? at : null, locked_until: null })
      .where('id', '=', id)
      .execute()
  }
}

/**
 * Claims up to `limit` due, unclaimed timers until `leaseUntil`, in one statement. Rows another
 * transaction holds (a tender command moving them, another worker claiming them) are skipped.
 */
export async function claimDueTimers(
  db: Kysely<Database>,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedTimer[]> {
  const rows = await db
    .updateTable('timers')
    .set((eb) => ({ locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('timers')
        .select('id')
        .where('status', '=', 'pending')
        .where('due_at', '<=', now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
        .orderBy('due_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()
  return rows.map(claimed).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
}

/** The tender moved on without this timer (e.g. cancelled meanwhile): nothing left to fire. */
export async function markTimerMoot(
  db: Kysely<Database>,
  id: string,
  error: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('timers')
    .set({ status: 'done', last_error: error, fired_at: at, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** Firing failed for now: keep the timer pending and let nobody retry before `retryAt`. */
export async function deferTimer(
  db: Kysely<Database>,
  id: string,
  error: string,
  retryAt: Date,
): Promise<void> {
  await db
    .updateTable('timers')
    .set({ last_error: error, locked_until: retryAt })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** When the earliest pending timer may next be fired (its due time or the end of its claim). */
export async function nextFireAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await db
    .selectFrom('timers')
    .select(sql<Date | null>`min(greatest(due_at, coalesce(locked_until, due_at)))`.as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return row?.next ? new Date(row.next) : null
}

/** Pending timers due by `upTo`, earliest first: the steps a sandbox clock advance walks through. */
export async function pendingDueBy(db: Kysely<Database>, upTo: Date): Promise<{ id: string; dueAt: Date }[]> {
  const rows = await db
    .selectFrom('timers')
    .select(['id', 'due_at'])
    .where('status', '=', 'pending')
    .where('due_at', '<=', upTo)
    .orderBy('due_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ id: row.id, dueAt: new Date(row.due_at) }))
}

/** A timer as the operator's clock page lists it. */
export interface TimerListing {
  readonly id: string
  readonly tenderId: string
  readonly kind: TimerKind
  readonly dueAt: Date
  readonly status: string
  readonly firedAt: Date | null
}

const listing = (row: TimerRow): TimerListing => ({
  id: row.id,
  tenderId: row.tender_id,
  kind: row.kind,
  dueAt: new Date(row.due_at),
  status: row.status,
  firedAt: row.fired_at === null ? null : new Date(row.fired_at),
})

/** The pending timers, earliest first (the sandbox clock page's "what is due next"). */
export async function upcomingTimers(db: Kysely<Database>, limit: number): Promise<TimerListing[]> {
  const rows = await db
    .selectFrom('timers')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(listing)
}

/** The timers fired most lately, latest first. */
export async function recentlyFiredTimers(db: Kysely<Database>, limit: number): Promise<TimerListing[]> {
  const rows = await db
    .selectFrom('timers')
    .selectAll()
    .where('status', '=', 'done')
    .where('fired_at', 'is not', null)
    .orderBy('fired_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(listing)
}
