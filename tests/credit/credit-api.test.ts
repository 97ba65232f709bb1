// GET /api/v1/credit/{uscc}, GET /api/v1/credit/snapshots/{id} and GET /api/v1/tenders/{id}/credit:
// validation with position and expected character, who may ask, and the snapshot each query leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { BANNED, importCsv, REGISTER_LINES } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const ask = async (username: string | null, uscc: string, query = '') => {
  const req = t.http.get(`/api/v1/credit/${encodeURIComponent(uscc)}${query}`)
  return username ? req.set('authorization', `Bearer ${await t.token(username)}`) : req
}
const userId = (username: string) => DEMO_USERS.find((u) => u.username === username)!.id

describe('GET /api/v1/credit/{uscc}', () => {
  it('refuses an invalid code with the failing position and the expected check character', async () => {
    const res = await ask('purchaser', '91350203M0001QAY9B')
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.body).toMatchObject({ code: 'invalid_uscc', field: 'uscc', position: 18, expected: '9' })
    expect(res.body.detail).toContain('position 18: the check character should be 9')
    const lower = await ask('purchaser', '91350200776049653a')
    expect(lower.body).toMatchObject({ code: 'invalid_uscc', position: 18 })
    const short = await ask('purchaser', '9135020077604965')
    expect(short.body).toMatchObject({ code: 'invalid_uscc', position: null })
  })

  it('says "unavailable", never clean, while the local register has never been loaded', async () => {
    const res = await ask('purchaser', BANNED)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ purpose: 'manual_query', complete: false, outcome: 'unavailable' })
    expect(res.body.report.answers[0]).toMatchObject({ status: 'unavailable', source: { id: 'local' } })
    expect(res.body.report.answers[0].problem).toMatch(/nothing was ever imported/)
  })

  it('answers from the register, judged now or at `at`, and stores the query as a snapshot', async () => {
    await importCsv(t.database.db, REGISTER_LINES)
    const res = await ask('agent', BANNED)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      uscc: BANNED,
      purpose: 'manual_query',
      complete: true,
      outcome: 'flag',
      requestedBy: userId('agent'),
      report: { answers: [{ status: 'ok', lists: [{ list: 'biddingBan', endsOn: '2027-05-31' }] }] },
    })
    expect(res.body.report.answers[0].rawSha256).toMatch(/^[0-9a-f]{64}$/)
    const later = await ask('agent', BANNED, '?at=2027-06-01T00:00:00Z')
    expect(later.body).toMatchObject({ outcome: 'clear', cutoffAt: '2027-06-01T00:00:00.000Z' })
    const stored = await t.database.db
      .selectFrom('credit_snapshots')
      .select(['id', 'purpose', 'requested_by'])
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ id: res.body.id, purpose: 'manual_query', requested_by: userId('agent') })
  })

  it('lets oversight ask about anyone, a bidder only about itself, and experts and award members not at all', async () => {
    for (const user of ['supervisor', 'auditor', 'operator', 'purchaser'])
      expect((await ask(user, BANNED)).status).toBe(200)
    expect((await ask('bidder1', demoOrg('bidder1').uscc)).status).toBe(200)
    const other = await ask('bidder1', BANNED)
    expect(other.status).toBe(403)
    expect(other.body.code).toBe('credit_not_own')
    for (const user of ['expert1', 'member1']) {
      const res = await ask(user, BANNED)
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('credit_via_tender')
    }
    expect((await ask(null, BANNED)).status).toBe(401)
  })

  it('refuses unknown query fields and a bad `at`', async () => {
    expect((await ask('purchaser', BANNED, '?when=now')).status).toBe(400)
    expect((await ask('purchaser', BANNED, '?at=tomorrow')).status).toBe(400)
  })
})

describe('GET /api/v1/credit/snapshots/{id}', () => {
  it('shows a snapshot to oversight and its requester, checks its hash, and hides it from others', async () => {
    const query = await ask('purchaser', BANNED)
    const url = `/api/v1/credit/snapshots/${query.body.id}`
    const auditor = await t.http.get(url).set('authorization', `Bearer ${await t.token('auditor')}`)
    expect(auditor.status).toBe(200)
    expect(auditor.body).toMatchObject({ id: query.body.id, intact: true, sha256: query.body.sha256 })
    const own = await t.http.get(url).set('authorization', `Bearer ${await t.token('purchaser')}`)
    expect(own.status).toBe(200)
    const bidder = await t.http.get(url).set('authorization', `Bearer ${await t.token('bidder2')}`)
    expect(bidder.status).toBe(404)
  })
})

describe('credit snapshots are immutable', () => {
  it('refuses UPDATE and DELETE at the database', async () => {
    const query = await ask('purchaser', BANNED)
    await expect(
      t.database.db
        .updateTable('credit_snapshots')
        .set({ outcome: 'clear' })
        .where('id', '=', query.body.id)
        .execute(),
    ).rejects.toThrow(/immutable/)
    await expect(
      t.database.db.deleteFrom('credit_snapshots').where('id', '=', query.body.id).execute(),
    ).rejects.toThrow(/immutable/)
  })
})

describe('GET /api/v1/tenders/{id}/credit', () => {
  it("declares the published pack's policy and the cut-off at the bid deadline", async () => {
    const id = await createPublished(t)
    const res = await t.http
      .get(`/api/v1/tenders/${id}/credit`)
      .set('authorization', `Bearer ${await t.token('bidder3')}`)
    expect(res.status).toBe(200)
    const tender = await t.http
      .get(`/api/v1/tenders/${id}`)
      .set('authorization', `Bearer ${await t.token('bidder3')}`)
    expect(res.body).toMatchObject({
      tenderId: id,
      declared: true,
      rulePack: { id: 'cn-national-bidding' },
      cutoff: { rule: 'bidDeadline', at: tender.body.deadline },
      policy: { lists: { biddingBan: { value: 'refuse' } }, unavailable: { value: 'flag' } },
      snapshots: [],
    })
  })
})
