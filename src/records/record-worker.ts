// The record worker: takes record jobs from the outbox, renders and signs each record outside any
// transaction, then in ONE transaction stores the record (its id is the primary key), appends its
// RECORD_ISSUED event and deletes the job. A process that dies before that commit leaves the job in the
// outbox; its claim lapses and the record is made then, once (same id, same bytes, same JWS).
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { Clock } from '../shared/clock.ts'
import { Conflict, DomainError } from '../shared/errors.ts'
import { startPollingLoop } from '../shared/polling-loop.ts'
import { loadRecordInput } from './inputs/load-record-input.ts'
import { isKeyRevoked, recordExists, storeRecord } from './record-repository.ts'
import {
  claimRecordJobs,
  deferRecordJob,
  deleteRecordJob,
  lockRecordJob,
  type RecordJob,
} from './records-outbox.ts'
import { renderRecordPdf } from './render/render-record.ts'
import { type SignedRecord, signRecord } from './sign-record.ts'

/** The subset of pino (Fastify's app.log) the worker writes to. */
export interface RecordLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface RecordDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly keys: PlatformKeys
  readonly log?: RecordLog
}

export interface ProducedRecord {
  readonly job: RecordJob
  readonly pdf: Buffer
  readonly signed: SignedRecord
}

export type IssueOutcome =
  | { readonly job: RecordJob; readonly outcome: 'issued'; readonly bytes: number }
  /** The record was already stored (by another worker whose commit won): the job is simply removed. */
  | { readonly job: RecordJob; readonly outcome: 'already_issued' }
  /** Another worker finished the job meanwhile. */
  | { readonly job: RecordJob; readonly outcome: 'gone' }
  | { readonly job: RecordJob; readonly outcome: 'deferred'; readonly error: string }

/** A claim lapses after this long, so a worker that died mid-record does not strand its job. */
export const RECORD_LEASE_MS = 60_000
const BATCH = 8
const COMMIT_ATTEMPTS = 5
const MAX_BACKOFF_MS = 10 * 60_000

/** 2 s, 4 s, 8 s … up to ten minutes: a failing record is retried, never hammered. */
export function recordBackoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(1, Math.min(attempts, 20)))
}

/** Step one, no transaction: what the record says, its PDF, its signature. */
export async function produceRecord(deps: RecordDeps, job: RecordJob): Promise<ProducedRecord> {
  const input = await loadRecordInput(deps.db, job.request)
  const pdf = await renderRecordPdf(input, { recordId: job.recordId, request: job.request })
  const signed = await signRecord(deps.keys, job.recordId, job.request, pdf)
  return { job, pdf, signed }
}

class RevokedSigningKey extends DomainError {
  static readonly defaultCode = 'signing_key_revoked'
  override readonly name = 'RevokedSigningKey'
  readonly status = 409
}

/** Step two, one transaction: the record, its issuance event, the job gone; or nothing at all. */
export async function commitRecord(deps: RecordDeps, produced: ProducedRecord): Promise<IssueOutcome> {
  const { job, pdf, signed } = produced
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx): Promise<IssueOutcome> => {
        if (!(await lockRecordJob(trx, job.id))) return { job, outcome: 'gone' }
        if (await recordExists(trx, job.recordId)) {
          await deleteRecordJob(trx, job.id)
          return { job, outcome: 'already_issued' }
        }
        if (await isKeyRevoked(trx, signed.kid))
          throw new RevokedSigningKey(`the signing key ${signed.kid} was revoked; signing again later`)
        await storeRecord(trx, {
          recordId: job.recordId,
          request: job.request,
          pdf,
          signed,
          at: deps.clock.now(),
          meta: recordWorkerMeta(job),
        })
        await deleteRecordJob(trx, job.id)
        return { job, outcome: 'issued', bytes: pdf.byteLength }
      })
    } catch (error) {
      // storeRecord queues issuers per tender; should a stream seq still be taken, try again on the new head.
      if (error instanceof Conflict && attempt < COMMIT_ATTEMPTS) continue
      throw error
    }
  }
}

/** Who issued a record in its event's meta: the platform itself, naming the outbox job. */
function recordWorkerMeta(job: RecordJob): Record<string, unknown> {
  return {
    userId: 'system:records',
    orgId: 'system:platform',
    roles: [],
    ip: 'records',
    requestId: `outbox-${job.id}`,
  }
}

/** Produces and commits one claimed job; a failure leaves the job for a later attempt. */
export async function issueRecordJob(deps: RecordDeps, job: RecordJob): Promise<IssueOutcome> {
  try {
    const result = await commitRecord(deps, await produceRecord(deps, job))
    if (result.outcome === 'issued')
      deps.log?.info(
        {
          recordId: job.recordId,
          type: job.request.type,
          tenderId: job.request.tenderId,
          bytes: result.bytes,
        },
        'record issued',
      )
    return result
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const retryAt = new Date(deps.clock.now().getTime() + recordBackoffMs(job.attempts))
    await deferRecordJob(deps.db, job.id, message, retryAt).catch(() => {})
    deps.log?.error(
      { recordId: job.recordId, type: job.request.type, attempts: job.attempts, err: error },
      'record not issued; will retry',
    )
    return { job, outcome: 'deferred', error: message }
  }
}

/**
 * Issues every record job that nobody holds, now, and returns what became of each: the worker's tick,
 * and how tests and the demo wait for their records.
 */
export async function drainRecordOutbox(deps: RecordDeps): Promise<IssueOutcome[]> {
  const results: IssueOutcome[] = []
  for (;;) {
    const now = deps.clock.now()
    const claimed = await claimRecordJobs(deps.db, now, new Date(now.getTime() + RECORD_LEASE_MS), BATCH)
    for (const job of claimed) results.push(await issueRecordJob(deps, job))
    if (claimed.length < BATCH) return results
  }
}

export interface RecordWorker {
  stop(): Promise<void>
}

/** Polls the outbox every pollMs (default 1 s); after a restart, pending jobs are issued on the first tick. */
export function startRecordWorker(deps: RecordDeps & { readonly pollMs?: number }): RecordWorker {
  const pollMs = deps.pollMs ?? 1000
  return startPollingLoop({
    round: async () => {
      await drainRecordOutbox(deps)
      return pollMs
    },
    pauseAfterFailureMs: pollMs,
    onFailure: (error) => deps.log?.error({ err: error }, 'record worker tick failed; trying again'),
  })
}
