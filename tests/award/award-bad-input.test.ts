// Bad input on every award and audit route: a problem document, never a 500, never a partial write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventCount } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, bearer, formAndFreeze, reachAwarding } from './support.ts'

const MISSING = 'tnd_00000000000000000000000000000000'

describe('bad input on the award and audit routes', () => {
  let t: TestApp
  let tender: AwardingTender
  let members: string[]

  beforeAll(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
    members = await formAndFreeze(t, tender.tenderId)
  })
  afterAll(async () => t.close())

  const bid = () => tender.candidates[0]!
  const cases = (): [string, string, string, unknown, number][] => [
    ['purchaser', 'POST', 'award/committee', { size: 'five' }, 400],
    ['purchaser', 'POST', 'award/committee', { size: 4.5 }, 400],
    ['purchaser', 'POST', 'award/committee', { chairId: 'member1' }, 400],
    ['purchaser', 'POST', 'award/committee', { size: 5, extra: true }, 400],
    ['purchaser', 'POST', 'award/dossiers/freeze', '{"oops"', 400],
    [members[0]!, 'POST', 'award/ballots', { candidateBidId: bid() }, 400],
    [members[0]!, 'POST', 'award/ballots', { candidateBidId: 'bid_1', reason: '好' }, 400],
    [members[0]!, 'POST', 'award/ballots', { candidateBidId: bid(), reason: '   ' }, 400],
    [members[0]!, 'POST', 'award/ballots', { candidateBidId: bid(), reason: 'x'.repeat(2001) }, 400],
    [members[0]!, 'POST', 'award/check-in', { statement: '' }, 400],
    [members[0]!, 'POST', 'award/check-in', { statement: 'x'.repeat(2001) }, 400],
    [members[0]!, 'POST', 'award/check-in', { statement: '无利害关系', seat: 3 }, 400],
    [members[1]!, 'POST', 'award/recusal', {}, 400],
    [members[1]!, 'POST', 'award/recusal', { reason: '   ' }, 400],
    [members[0]!, 'POST', 'award/rounds/0/open', '', 400],
    [members[0]!, 'POST', 'award/rounds/one/open', '', 400],
    [members[0]!, 'POST', 'award/rounds/1/close', '{"tally": []}', 400],
    ['purchaser', 'POST', 'award/revote', '[', 400],
    ['purchaser', 'POST', 'award/decision', { winnerBidId: bid() }, 400],
    ['purchaser', 'POST', 'award/decision', { winnerBidId: 42, reasons: '多数' }, 400],
    ['purchaser', 'POST', 'award-notice', 'not json', 400],
    ['purchaser', 'POST', 'winner-declined', {}, 400],
    ['purchaser', 'POST', 'contract', { contractRef: '' }, 400],
    ['purchaser', 'POST', 'contract', { contractRef: ['HT'] }, 400],
  ]

  it('answers each with problem+json and writes nothing', async () => {
    const before = await eventCount(t)
    for (const [username, method, path, body, status] of cases()) {
      const request = t.http[method === 'POST' ? 'post' : 'get'](`/api/v1/tenders/${tender.tenderId}/${path}`)
        .set('authorization', await bearer(t, username))
        .set('content-type', 'application/json')
      const res = await request.send(typeof body === 'string' ? body : JSON.stringify(body))
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(status)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.body.code).toEqual(expect.any(String))
    }
    expect(await eventCount(t)).toBe(before)
  })

  it('answers bad ids, unknown tenders, missing tokens and stale versions the same way', async () => {
    const before = await eventCount(t)
    const token = await bearer(t, 'purchaser')
    const paths = ['award', 'award/dossiers', 'history', 'replay']
    const meetings = await t.http.get('/api/v1/meetings?limit=0').set('authorization', token)
    expect(meetings.status).toBe(400)
    expect((await t.http.get('/api/v1/meetings')).status).toBe(401)
    for (const path of paths) {
      const bad = await t.http.get(`/api/v1/tenders/not-an-id/${path}`).set('authorization', token)
      expect(bad.status).toBe(400)
      const missing = await t.http.get(`/api/v1/tenders/${MISSING}/${path}`).set('authorization', token)
      expect(missing.status).toBe(404)
      const anonymous = await t.http.get(`/api/v1/tenders/${tender.tenderId}/${path}`)
      expect(anonymous.status).toBe(401)
      for (const res of [bad, missing, anonymous]) {
        expect(res.headers['content-type']).toContain('application/problem+json')
      }
    }
    const stale = await t.http
      .post(`/api/v1/tenders/${tender.tenderId}/award/revote`)
      .set('authorization', token)
      .set('if-match', '"1"')
    expect(stale.status).toBe(412)
    const missingTender = await t.http
      .post(`/api/v1/tenders/${MISSING}/award/committee`)
      .set('authorization', token)
      .send({})
    expect(missingTender.status).toBe(404)
    expect(await eventCount(t)).toBe(before)
  })
})
