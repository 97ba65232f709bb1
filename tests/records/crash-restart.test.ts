// Exactly once: a record job is committed with its event, survives a process killed between the event
// and the record (SIGKILL after rendering, or inside the issuing transaction), and after the restart
// the record is made once, with the same bytes and JWS the killed process had made.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Role } from '../../src/auth/actor.ts'
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys } from '../../src/keys/platform-keys.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { seedDemoDirectory } from '../../src/organisations/seed-demo-directory.ts'
import type { CommandDeps } from '../../src/pipeline/tender-command.ts'
import { executeTenderCommand } from '../../src/pipeline/tender-command.ts'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { findRecord } from '../../src/records/record-repository.ts'
import {
  commitRecord,
  drainRecordOutbox,
  produceRecord,
  RECORD_LEASE_MS,
  type RecordDeps,
} from '../../src/records/record-worker.ts'
import { claimRecordJobs } from '../../src/records/records-outbox.ts'
import { type ManualClock, manualClock } from '../../src/shared/clock.ts'
import { createTender } from '../../src/tendering/create-tender.ts'
import { cancelTender } from '../../src/tendering/tender-commands.ts'
import { draftBody } from '../support/tender-fixtures.ts'
import { TEST_START } from '../support/test-app.ts'
import { postgresUrl } from '../support/test-database.ts'

const run = promisify(execFile)
const user = DEMO_USERS.find((u) => u.username === 'purchaser')!
const purchaser = {
  userId: user.id,
  orgId: user.orgId,
  roles: user.roles as Role[],
  ip: '127.0.0.1',
  requestId: 't',
}
const kekBase64 = randomBytes(32).toString('base64')

/** A database a child process can open too: a PGlite folder, or a schema on DATABASE_URL. */
interface SharedDatabase {
  readonly env: Record<string, string>
  open(): Promise<DatabaseHandle>
  drop(): Promise<void>
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl ?? undefined })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function sharedDatabase(): Promise<SharedDatabase> {
  if (postgresUrl) {
    const schema = `test_${randomBytes(6).toString('hex')}`
    await adminQuery(`create schema ${schema}`)
    const first = openPostgres({ url: postgresUrl, schema })
    await migrateToLatest(first.db, schema)
    await first.close()
    return {
      env: { CRASH_PG_URL: postgresUrl, CRASH_PG_SCHEMA: schema },
      open: async () => openPostgres({ url: postgresUrl!, schema }),
      drop: () => adminQuery(`drop schema ${schema} cascade`),
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-records-crash-'))
  const first = await openPglite(dir, new Blob([fs.readFileSync(inject('pgliteDumpPath'))]))
  await first.close()
  return {
    env: { CRASH_PGLITE_DIR: dir },
    open: () => openPglite(dir),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

async function depsFor(database: DatabaseHandle, clock: ManualClock): Promise<RecordDeps & CommandDeps> {
  return {
    ...tenderCommandDeps(database.db, clock),
    keys: await createPlatformKeys(database.db, kekFromBase64(kekBase64), clock),
  }
}

/** A draft the purchaser cancels: one event, one replay certificate due. */
async function cancelledDraft(deps: RecordDeps & CommandDeps): Promise<string> {
  const tender = await createTender(deps, purchaser, { ...draftBody, category: 'works' } as never)
  await cancelTender(deps, purchaser, tender.id, '项目取消', undefined)
  return tender.id
}

async function counts(database: DatabaseHandle, tenderId: string) {
  const records = await database.db
    .selectFrom('records')
    .select('id')
    .where('tender_id', '=', tenderId)
    .execute()
  const jobs = await database.db
    .selectFrom('outbox')
    .select('id')
    .where('stream_id', '=', `tender-${tenderId}`)
    .execute()
  const issued = await database.db
    .selectFrom('events')
    .select('seq')
    .where('stream_id', '=', `records-${tenderId}`)
    .execute()
  return { records: records.length, jobs: jobs.length, issuanceEvents: issued.length }
}

async function runChild(shared: SharedDatabase, stage: string) {
  try {
    await run(process.execPath, ['--import', 'tsx', path.resolve('tests/records/crash-child.ts')], {
      env: { ...process.env, ...shared.env, CRASH_KEK: kekBase64, CRASH_NOW: TEST_START, CRASH_STAGE: stage },
    })
    throw new Error('the child was meant to be killed')
  } catch (error) {
    const failed = error as { signal?: string; stdout: string; stderr: string }
    expect(failed.signal, failed.stderr).toBe('SIGKILL')
    const lines = failed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.at(-1)).toEqual({ stage })
    return lines[0] as { recordId: string; pdfSha256: string; jws: string }
  }
}

describe.each(['after-render', 'inside-commit'])('a process killed %s', (stage) => {
  let shared: SharedDatabase
  beforeAll(async () => {
    shared = await sharedDatabase()
  })
  afterAll(() => shared?.drop())

  it('leaves the job, and the restart makes the record exactly once with the same bytes', async () => {
    const clock = manualClock(TEST_START)
    let database = await shared.open()
    await seedDemoDirectory(database.db, clock)
    const tenderId = await cancelledDraft(await depsFor(database, clock))
    expect(await counts(database, tenderId)).toEqual({ records: 0, jobs: 1, issuanceEvents: 0 })
    await database.close()

    const made = await runChild(shared, stage)

    // Restart: the killed process's work is gone, its job is still there, held by its lapsing claim.
    database = await shared.open()
    const deps = await depsFor(database, clock)
    expect(await counts(database, tenderId)).toEqual({ records: 0, jobs: 1, issuanceEvents: 0 })
    expect(await drainRecordOutbox(deps)).toEqual([])
    clock.advance(RECORD_LEASE_MS + 1)
    const outcomes = await drainRecordOutbox(deps)
    expect(outcomes.map((o) => o.outcome)).toEqual(['issued'])
    expect(await counts(database, tenderId)).toEqual({ records: 1, jobs: 0, issuanceEvents: 1 })
    const record = await findRecord(database.db, made.recordId)
    expect(record.pdfSha256).toBe(made.pdfSha256)
    expect(record.jws).toBe(made.jws)
    // Draining again, later, makes nothing more.
    clock.advance(10 * RECORD_LEASE_MS)
    expect(await drainRecordOutbox(deps)).toEqual([])
    expect(await counts(database, tenderId)).toEqual({ records: 1, jobs: 0, issuanceEvents: 1 })
    await database.close()
  }, 120_000)
})

describe('two workers on one job', () => {
  it('store the record once when a slow worker finishes after its claim lapsed', async () => {
    const shared = await sharedDatabase()
    const database = await shared.open()
    try {
      const clock = manualClock(TEST_START)
      await seedDemoDirectory(database.db, clock)
      const deps = await depsFor(database, clock)
      const tenderId = await cancelledDraft(deps)
      const lease = (now: Date) => new Date(now.getTime() + RECORD_LEASE_MS)
      const [slowJob] = await claimRecordJobs(database.db, clock.now(), lease(clock.now()), 1)
      const slow = await produceRecord(deps, slowJob!)
      clock.advance(RECORD_LEASE_MS + 1)
      const [fastJob] = await claimRecordJobs(database.db, clock.now(), lease(clock.now()), 1)
      expect(fastJob?.recordId).toBe(slowJob?.recordId)
      const fast = await produceRecord(deps, fastJob!)
      const [first, second] = await Promise.all([commitRecord(deps, fast), commitRecord(deps, slow)])
      expect([first.outcome, second.outcome].sort()).toEqual(['gone', 'issued'])
      expect(await counts(database, tenderId)).toEqual({ records: 1, jobs: 0, issuanceEvents: 1 })
    } finally {
      await database.close()
      await shared.drop()
    }
  }, 60_000)
})

describe('the job and its event', () => {
  it('commit together: a command that fails after the event leaves neither', async () => {
    const shared = await sharedDatabase()
    const database = await shared.open()
    try {
      const clock = manualClock(TEST_START)
      await seedDemoDirectory(database.db, clock)
      const deps = await depsFor(database, clock)
      const tender = await createTender(deps, purchaser, { ...draftBody } as never)
      const failing = executeTenderCommand(deps, {
        tenderId: tender.id,
        actor: purchaser,
        ifMatch: undefined,
        authorize: () => {},
        decide: () => ({ type: 'CANCEL', reason: '项目取消' }),
        project: async () => {
          throw new Error('the projection failed')
        },
      })
      await expect(failing).rejects.toThrow('the projection failed')
      expect(await counts(database, tender.id)).toEqual({ records: 0, jobs: 0, issuanceEvents: 0 })
      await cancelTender(deps, purchaser, tender.id, '项目取消', undefined)
      expect(await counts(database, tender.id)).toEqual({ records: 0, jobs: 1, issuanceEvents: 0 })
    } finally {
      await database.close()
      await shared.drop()
    }
  }, 60_000)
})
