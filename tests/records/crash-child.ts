// Run by crash-restart.test.ts as its own process: claims the one record job, renders and signs the
// record, prints what it made, then kills itself with SIGKILL at CRASH_STAGE: 'after-render' (before any
// transaction) or 'inside-commit' (the record and its event inserted, the transaction not committed).
import fs from 'node:fs'
import { openPglite, openPostgres } from '../../src/db/database.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys } from '../../src/keys/platform-keys.ts'
import { storeRecord } from '../../src/records/record-repository.ts'
import { produceRecord, RECORD_LEASE_MS } from '../../src/records/record-worker.ts'
import { claimRecordJobs, deleteRecordJob, lockRecordJob } from '../../src/records/records-outbox.ts'
import { manualClock } from '../../src/shared/clock.ts'

const env = process.env
const database = env.CRASH_PG_URL
  ? openPostgres({ url: env.CRASH_PG_URL, schema: env.CRASH_PG_SCHEMA!, maxConnections: 2 })
  : await openPglite(env.CRASH_PGLITE_DIR!)
const clock = manualClock(env.CRASH_NOW!)
const keys = await createPlatformKeys(database.db, kekFromBase64(env.CRASH_KEK!), clock)
const deps = { db: database.db, clock, keys }
const die = (stage: string) => {
  fs.writeSync(1, `${JSON.stringify({ stage })}\n`)
  process.kill(process.pid, 'SIGKILL')
}

const [job] = await claimRecordJobs(
  database.db,
  clock.now(),
  new Date(clock.now().getTime() + RECORD_LEASE_MS),
  1,
)
if (!job) throw new Error('no record job to claim')
const produced = await produceRecord(deps, job)
fs.writeSync(
  1,
  `${JSON.stringify({ recordId: job.recordId, pdfSha256: produced.signed.payload.pdfSha256, jws: produced.signed.jws })}\n`,
)
if (env.CRASH_STAGE === 'after-render') die('after-render')
await database.db.transaction().execute(async (trx) => {
  await lockRecordJob(trx, job.id)
  await storeRecord(trx, {
    recordId: job.recordId,
    request: job.request,
    pdf: produced.pdf,
    signed: produced.signed,
    at: clock.now(),
    meta: {},
  })
  await deleteRecordJob(trx, job.id)
  die('inside-commit')
})
