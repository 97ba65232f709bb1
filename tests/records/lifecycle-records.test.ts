// The demo's whole tender over HTTP, then the outbox drained: every record it calls for exists exactly
// once (opening record, evaluation report, award report, award notice, a notice to each other bidder,
// the replay certificate), each verifies, each has its RECORD_ISSUED event on the hash-chained records
// stream, replay checks them all, and each reader sees just the records open to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordsDueIn } from '../../src/audit/replay.ts'
import { readStream } from '../../src/events/event-store.ts'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { recordIdFor } from '../../src/records/record-types.ts'
import { drainRecordOutbox, type IssueOutcome } from '../../src/records/record-worker.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { bearer, completedDemoTender, recordDeps } from './support.ts'

interface Listed {
  recordId: string
  type: string
  recipientOrgId: string | null
  certifiedEvent: { seq: number; hash: string; type: string }
  links: { pdf: string; jws: string; verify: string }
}

let t: TestApp
let tenderId: string
let outcomes: IssueOutcome[]
let all: Listed[]
let tenderVersionBefore: number
beforeAll(async () => {
  t = await startTestApp()
  tenderId = await completedDemoTender(t)
  tenderVersionBefore = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.version
  outcomes = await drainRecordOutbox(recordDeps(t))
  all = (await list('auditor')).items
}, 180_000)
afterAll(() => t?.close())

async function list(username: string | null) {
  let req = t.http.get(`/api/v1/tenders/${tenderId}/records`)
  if (username) req = req.set('authorization', await bearer(t, username))
  const res = await req
  expect(res.status).toBe(200)
  return res.body as { items: Listed[]; pending: number }
}

async function download(username: string | null, url: string) {
  let req = t.http.get(url).buffer(true)
  if (username) req = req.set('authorization', await bearer(t, username))
  return req
}

const usernameOf = (userId: string) => DEMO_USERS.find((u) => u.id === userId)!.username
const orgOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.orgId

describe('the records of a completed tender', () => {
  it('are each issued exactly once, one per record the history calls for', async () => {
    expect(outcomes.every((o) => o.outcome === 'issued')).toBe(true)
    const types = all.map((r) => r.type).sort()
    expect(types).toEqual(
      [
        'award_notice',
        'award_report',
        'evaluation_report',
        'opening_record',
        'replay_certificate',
        ...Array(4).fill('unsuccessful_notice'),
      ].sort(),
    )
    expect(new Set(all.map((r) => r.recordId)).size).toBe(all.length)
    // Nothing left, and draining again makes nothing.
    expect((await list('auditor')).pending).toBe(0)
    expect(await drainRecordOutbox(recordDeps(t))).toEqual([])
    expect((await list('auditor')).items).toHaveLength(all.length)
    // The ids are the ones replay derives from the history.
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    expect(recordsDueIn(events).sort()).toEqual(all.map((r) => r.recordId).sort())
  })

  it('certify the events that called for them', async () => {
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    const certifying = Object.fromEntries(all.map((r) => [r.type, r.certifiedEvent.type]))
    expect(certifying).toEqual({
      opening_record: 'OPEN',
      evaluation_report: 'SUBMIT_REPORT',
      award_report: 'DECIDE',
      award_notice: 'ISSUE_AWARD_NOTICE',
      unsuccessful_notice: 'ISSUE_AWARD_NOTICE',
      replay_certificate: 'CONTRACT_SIGNED',
    })
    for (const record of all) {
      const event = events[record.certifiedEvent.seq - 1]!
      expect(event.hash).toBe(record.certifiedEvent.hash)
      expect(
        recordIdFor({
          tenderId,
          type: record.type as never,
          certified: { ...event },
          recipientOrgId: record.recipientOrgId,
        }),
      ).toBe(record.recordId)
    }
    // Notices: the winner gets the award notice, every other bidder its own notice.
    const winnerBidId = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.winnerBidId as string
    const opened = events.find((e) => e.type === 'OPEN')!.data.bids as {
      bidId: string
      bidderOrgId: string
    }[]
    const winnerOrg = opened.find((b) => b.bidId === winnerBidId)!.bidderOrgId
    expect(all.find((r) => r.type === 'award_notice')!.recipientOrgId).toBe(winnerOrg)
    const others = opened.map((b) => b.bidderOrgId).filter((org) => org !== winnerOrg)
    expect(
      all
        .filter((r) => r.type === 'unsuccessful_notice')
        .map((r) => r.recipientOrgId)
        .sort(),
    ).toEqual(others.sort())
  })

  it('each verify, and are recorded on their own hash-chained stream, not the tender stream', async () => {
    for (const record of all) {
      const res = await t.http.get(record.links.verify)
      expect(res.body, record.type).toMatchObject({ valid: true, verdict: 'valid' })
    }
    const issued = await readStream(t.database.db, `records-${tenderId}`)
    expect(issued.map((e) => e.type)).toEqual(all.map(() => 'RECORD_ISSUED'))
    expect(issued.map((e) => e.data.recordId).sort()).toEqual(all.map((r) => r.recordId).sort())
    // Issuing records does not move the tender (its version and ETag stay as users last saw them).
    expect((await t.http.get(`/api/v1/tenders/${tenderId}`)).body.version).toBe(tenderVersionBefore)
  })

  it('are checked by replay: signatures, hashes, certified events and the records chain', async () => {
    const res = await t.http
      .get(`/api/v1/tenders/${tenderId}/replay`)
      .set('authorization', await bearer(t, 'auditor'))
    expect(res.status).toBe(200)
    expect(res.body.ok).toBe(true)
    expect(res.body.records).toMatchObject({
      ok: true,
      chain: { ok: true, length: all.length },
      due: all.length,
      notIssued: [],
      missingRecords: [],
    })
    expect(res.body.records.checked).toHaveLength(all.length)
  })

  it('serve the exact stored PDF and JWS', async () => {
    const opening = all.find((r) => r.type === 'opening_record')!
    const pdf = await download(null, opening.links.pdf)
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const jws = await download(null, opening.links.jws)
    expect(jws.headers['content-type']).toMatch(/^application\/jose/)
    const upload = await t.http
      .post('/api/v1/records/verify')
      .send({ pdfBase64: (pdf.body as Buffer).toString('base64'), jws: jws.text })
    expect(upload.body).toMatchObject({ valid: true, payload: { recordId: opening.recordId } })
  })
})

describe('who sees which record', () => {
  const publicTypes = ['award_notice', 'opening_record', 'replay_certificate']
  const typesOf = (items: Listed[]) => [...new Set(items.map((r) => r.type))].sort()

  it('anyone, without a token: the opening record, the award notice and the replay certificate', async () => {
    expect(typesOf((await list(null)).items)).toEqual(publicTypes)
    const report = all.find((r) => r.type === 'evaluation_report')!
    expect((await download(null, report.links.pdf)).status).toBe(401)
    expect((await download(null, report.links.jws)).status).toBe(401)
  })

  it('the purchaser and oversight: every record', async () => {
    for (const username of ['purchaser', 'supervisor', 'auditor', 'operator']) {
      expect((await list(username)).items, username).toHaveLength(all.length)
    }
  })

  it('an unsuccessful bidder: its own notice, nobody else’s, and no report', async () => {
    const notices = all.filter((r) => r.type === 'unsuccessful_notice')
    const bidder = ['bidder1', 'bidder2', 'bidder3', 'bidder4', 'bidder5'].find((b) =>
      notices.some((r) => r.recipientOrgId === orgOf(b)),
    )!
    const own = notices.find((r) => r.recipientOrgId === orgOf(bidder))!
    const mine = (await list(bidder)).items
    expect(typesOf(mine)).toEqual([...publicTypes, 'unsuccessful_notice'].sort())
    expect(mine.filter((r) => r.type === 'unsuccessful_notice').map((r) => r.recordId)).toEqual([
      own.recordId,
    ])
    expect((await download(bidder, own.links.pdf)).status).toBe(200)
    const someoneElses = notices.find((r) => r !== own)!
    const refused = await download(bidder, someoneElses.links.pdf)
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('record_restricted')
    for (const type of ['evaluation_report', 'award_report']) {
      expect((await download(bidder, all.find((r) => r.type === type)!.links.pdf)).status).toBe(403)
    }
    expect(demoOrg(bidder).id).toBe(orgOf(bidder))
  })

  it('the evaluation committee: the evaluation report; the award committee: both reports', async () => {
    const evaluation = await t.http
      .get(`/api/v1/tenders/${tenderId}/evaluation`)
      .set('authorization', await bearer(t, 'operator'))
    const experts = (evaluation.body.committee as { expertId: string }[]).map((m) => usernameOf(m.expertId))
    const outsider = [
      'expert1',
      'expert2',
      'expert3',
      'expert4',
      'expert5',
      'expert6',
      'expert7',
      'expert8',
      'expert9',
    ].find((e) => !experts.includes(e))
    expect(typesOf((await list(experts[0]!)).items)).toEqual([...publicTypes, 'evaluation_report'].sort())
    if (outsider) expect(typesOf((await list(outsider)).items)).toEqual(publicTypes)

    const award = await t.http
      .get(`/api/v1/tenders/${tenderId}/award`)
      .set('authorization', await bearer(t, 'purchaser'))
    const members = (award.body.committee.members as { userId: string }[]).map((m) => usernameOf(m.userId))
    expect(typesOf((await list(members[0]!)).items)).toEqual(
      [...publicTypes, 'award_report', 'evaluation_report'].sort(),
    )
  })
})
