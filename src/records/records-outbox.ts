// All SQL on the outbox's record jobs: enqueued inside the tender command's transaction (so a job exists
// exactly when its event does), claimed by a worker with FOR UPDATE SKIP LOCKED and a lease (so a
// crashed worker's job is taken up again), deferred after a failure, deleted when the record commits.

import type { Kysely, Transaction } from 'kysely'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'
import type { Database } from '../db/schema.ts'
import type { StoredEvent } from '../events/event-store.ts'
import { tenderStreamId } from '../events/stream-ids.ts'
import { type RecordRequest, recordIdFor } from './record-types.ts'
import { recordsCalledFor } from './records-due.ts'

export const RECORD_JOB_KIND = 'record'

/** A claimed job: the record to make and how often it was tried. */
export interface RecordJob {
  readonly id: string
  readonly recordId: string
  readonly request: RecordRequest
  readonly attempts: number
}

/** Called by the command pipeline after it appended `event`: one outbox row per record it calls for. */
export async function enqueueRecords(
  trx: Transaction<Database>,
  event: StoredEvent,
  before: TenderState,
  after: TenderState,
  context: TenderContext,
): Promise<RecordRequest[]> {
  const due = recordsCalledFor(event, before, after, context)
  if (due.length === 0) return due
  await trx
    .insertInto('outbox')
    .values(
      due.map((request) => ({
        stream_id: event.streamId,
        seq: event.seq,
        kind: RECORD_JOB_KIND,
        payload: JSON.stringify({ recordId: recordIdFor(request), request }),
        created_at: new Date(event.recordedAt),
        done_at: null,
      })),
    )
    .execute()
  return due
}

function jobOf(row: { id: string; payload: Record<string, unknown>; attempts: number }): RecordJob {
  const payload = row.payload as { recordId: string; request: RecordRequest }
  return { id: String(row.id), recordId: payload.recordId, request: payload.request, attempts: row.attempts }
}

/**
 * Claims up to `limit` jobs nobody holds, oldest first, until `leaseUntil`, in one statement. Rows another
 * transaction holds are skipped, so several instances never take the same job at once.
 */
export async function claimRecordJobs(
  db: Kysely<Database>,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<RecordJob[]> {
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({ locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('kind', '=', RECORD_JOB_KIND)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'payload', 'attempts'])
    .execute()
  return rows.map(jobOf).sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))
}

/** The job failed for now: keep it, note why, and let nobody retry before `retryAt`. */
export async function deferRecordJob(
  db: Kysely<Database>,
  id: string,
  error: string,
  retryAt: Date,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ last_error: error.slice(0, 2000), locked_until: retryAt })
    .where('id', '=', id)
    .execute()
}

/** Inside the issuing transaction: the job's row, locked, or null when another worker already finished it. */
export async function lockRecordJob(trx: Transaction<Database>, id: string): Promise<boolean> {
  const row = await trx.selectFrom('outbox').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return row !== undefined
}

export async function deleteRecordJob(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('outbox').where('id', '=', id).execute()
}

/** Jobs not yet done for a tender (records due but not issued), oldest first. */
export async function pendingRecordJobs(db: Kysely<Database>, tenderId: string): Promise<RecordJob[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'payload', 'attempts'])
    .where('kind', '=', RECORD_JOB_KIND)
    .where('stream_id', '=', tenderStreamId(tenderId))
    .orderBy('id')
    .execute()
  return rows.map(jobOf)
}
