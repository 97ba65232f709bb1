// Replay checks a tender's records: a changed stored PDF, a record gone from the table and a broken
// records stream each make replay fail, naming what is wrong.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { bearer, cancelledTender, recordDeps } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

async function replay(tenderId: string) {
  const res = await t.http
    .get(`/api/v1/tenders/${tenderId}/replay`)
    .set('authorization', await bearer(t, 'auditor'))
  expect(res.status).toBe(200)
  return res.body
}

/** Runs `change` with the append-only triggers off, as an attacker with database access could. */
async function tamper(table: 'records' | 'events', change: () => Promise<unknown>) {
  const trigger = table === 'records' ? 'records_append_only' : 'events_append_only'
  await sql`alter table ${sql.table(table)} disable trigger ${sql.raw(trigger)}`.execute(t.database.db)
  try {
    await change()
  } finally {
    await sql`alter table ${sql.table(table)} enable trigger ${sql.raw(trigger)}`.execute(t.database.db)
  }
}

async function issuedRecord() {
  const tenderId = await cancelledTender(t)
  const pending = await replay(tenderId)
  expect(pending.records).toMatchObject({ ok: true, due: 1, checked: [] })
  expect(pending.records.notIssued).toHaveLength(1)
  const [issued] = await drainRecordOutbox(recordDeps(t))
  const recordId = issued!.job.recordId
  expect(await replay(tenderId)).toMatchObject({ ok: true, records: { ok: true, notIssued: [] } })
  return { tenderId, recordId }
}

describe('replay and the records', () => {
  it('refuses to change a stored record (append-only)', async () => {
    const { recordId } = await issuedRecord()
    await expect(
      t.database.db.updateTable('records').set({ jws: 'x' }).where('id', '=', recordId).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(t.database.db.deleteFrom('records').where('id', '=', recordId).execute()).rejects.toThrow(
      /append-only/,
    )
  })

  it('fails on a stored PDF changed by one byte', async () => {
    const { tenderId, recordId } = await issuedRecord()
    await tamper('records', () =>
      sql`update records set pdf = set_byte(pdf, 100, get_byte(pdf, 100) # 1) where id = ${recordId}`.execute(
        t.database.db,
      ),
    )
    const body = await replay(tenderId)
    expect(body.ok).toBe(false)
    expect(body.records.ok).toBe(false)
    expect(body.records.checked).toEqual([
      expect.objectContaining({ recordId, ok: false, verdict: 'hash_mismatch', problem: expect.any(String) }),
    ])
  })

  it('fails when a record is gone, or its RECORD_ISSUED event altered', async () => {
    const gone = await issuedRecord()
    await tamper('records', () =>
      t.database.db.deleteFrom('records').where('id', '=', gone.recordId).execute(),
    )
    const missing = await replay(gone.tenderId)
    expect(missing.ok).toBe(false)
    expect(missing.records.missingRecords).toEqual([gone.recordId])

    const altered = await issuedRecord()
    await tamper('events', () =>
      sql`update events set data = jsonb_set(data, '{kid}', '"sig-forged"') where stream_id = ${`records-${altered.tenderId}`}`.execute(
        t.database.db,
      ),
    )
    const broken = await replay(altered.tenderId)
    expect(broken.ok).toBe(false)
    expect(broken.records.chain).toMatchObject({ ok: false, firstBadSeq: 1 })
  })
})
