// Several records of one tender issued at the same time (as by several worker instances): each once,
// and their RECORD_ISSUED events form one unbroken chain on the tender's records stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { verifyChain } from '../../src/events/hash-chain.ts'
import { drainRecordOutbox, issueRecordJob, RECORD_LEASE_MS } from '../../src/records/record-worker.ts'
import { claimRecordJobs } from '../../src/records/records-outbox.ts'
import { decideAndPublish, openMeeting, post, reachAwarding } from '../award/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { recordDeps } from './support.ts'

let t: TestApp
let tenderId: string
beforeAll(async () => {
  t = await startTestApp()
  const awarding = await reachAwarding(t)
  tenderId = awarding.tenderId
  const members = await openMeeting(t, tenderId)
  await decideAndPublish(t, tenderId, members, awarding.candidates[0]!)
  const notice = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award-notice`)
  expect(notice.status).toBe(201)
}, 120_000)
afterAll(() => t?.close())

describe('records issued concurrently', () => {
  it('are each stored once, on one unbroken records stream', async () => {
    const now = t.clock.now()
    const lease = new Date(now.getTime() + RECORD_LEASE_MS)
    // Each job claimed on its own, as separate workers would, then all issued at once.
    const jobs = []
    for (;;) {
      const [job] = await claimRecordJobs(t.database.db, now, lease, 1)
      if (!job) break
      jobs.push(job)
    }
    // Opening record, evaluation report, award report, award notice, three other bidders' notices.
    expect(jobs.map((job) => job.request.type).sort()).toEqual(
      [
        'award_notice',
        'award_report',
        'evaluation_report',
        'opening_record',
        'unsuccessful_notice',
        'unsuccessful_notice',
        'unsuccessful_notice',
      ].sort(),
    )
    const outcomes = await Promise.all(jobs.map((job) => issueRecordJob(recordDeps(t), job)))
    expect(outcomes.map((o) => (o.outcome === 'deferred' ? o.error : o.outcome))).toEqual(
      jobs.map(() => 'issued'),
    )
    const stream = await readStream(t.database.db, `records-${tenderId}`)
    expect(verifyChain(stream)).toMatchObject({ ok: true, length: jobs.length })
    expect(new Set(stream.map((e) => e.data.recordId)).size).toBe(jobs.length)
    const stored = await t.database.db
      .selectFrom('records')
      .select('id')
      .where('tender_id', '=', tenderId)
      .execute()
    expect(stored).toHaveLength(jobs.length)
    t.clock.advance(2 * RECORD_LEASE_MS)
    expect(await drainRecordOutbox(recordDeps(t))).toEqual([])
  })
})
