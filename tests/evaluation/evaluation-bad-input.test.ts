// Given a tender in evaluation, when any evaluation route gets malformed input, then it answers with
// problem+json and a stable code, never a 500, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { auth, declareAll, drawCommittee, tenderInEvaluation, tenderVersion } from './support.ts'

let t: TestApp
let id: string
let expert: string
let bidIds: string[]
beforeAll(async () => {
  t = await startTestApp()
  const tender = await tenderInEvaluation(t)
  id = tender.id
  bidIds = tender.bids.map((b) => b.bidId)
  const members = await drawCommittee(t, id)
  await declareAll(t, id, members)
  expert = members[0]!
})
afterAll(() => t.close())

const missingTender = `tnd_${'f'.repeat(32)}`
const item = (over: Record<string, unknown>) => ({ bidId: bidIds[0], score: 80, comment: '好', ...over })

type Case = [name: string, path: string, body: unknown, code: string]

function cases(): Case[] {
  return [
    ['size as text', 'evaluation/committee', { size: '5' }, 'validation_failed'],
    ['fractional size', 'evaluation/committee', { size: 5.5 }, 'validation_failed'],
    ['unknown field', 'evaluation/committee', { size: 5, force: true }, 'validation_failed'],
    ['noConflict false', 'evaluation/declarations', { noConflict: false }, 'validation_failed'],
    ['no noConflict', 'evaluation/declarations', { statement: '无' }, 'validation_failed'],
    ['empty statement', 'evaluation/declarations', { noConflict: true, statement: '' }, 'validation_failed'],
    ['score over 100', 'evaluation/scores', { scores: [item({ score: 100.01 })] }, 'validation_failed'],
    ['negative score', 'evaluation/scores', { scores: [item({ score: -1 })] }, 'validation_failed'],
    [
      'score finer than 0.01',
      'evaluation/scores',
      { scores: [item({ score: 12.345 })] },
      'validation_failed',
    ],
    ['score as text', 'evaluation/scores', { scores: [item({ score: '80' })] }, 'validation_failed'],
    ['malformed bid id', 'evaluation/scores', { scores: [item({ bidId: 'bid-1' })] }, 'validation_failed'],
    ['no comment', 'evaluation/scores', { scores: [{ bidId: bidIds[0], score: 80 }] }, 'validation_failed'],
    ['scores not a list', 'evaluation/scores', { scores: { bidId: bidIds[0] } }, 'validation_failed'],
    ['extra field in a score', 'evaluation/scores', { scores: [item({ weight: 2 })] }, 'validation_failed'],
    ['no ground', 'evaluation/rejections', { bidId: bidIds[0] }, 'validation_failed'],
    ['empty ground', 'evaluation/rejections', { bidId: bidIds[0], ground: '' }, 'validation_failed'],
    [
      'repeated candidate',
      'evaluation/report',
      { candidates: [bidIds[0], bidIds[0]], summary: 's' },
      'validation_failed',
    ],
    ['no summary', 'evaluation/report', { candidates: [bidIds[0]] }, 'validation_failed'],
    [
      'dissent without opinion',
      'evaluation/report',
      { candidates: [], summary: 's', dissent: [{ expertId: 'x' }] },
      'validation_failed',
    ],
  ]
}

describe('malformed input to the evaluation routes', () => {
  it('answers every malformed body with 400 problem+json and writes nothing', async () => {
    const before = await tenderVersion(t, id)
    for (const [name, path, body, code] of cases()) {
      const user = path === 'evaluation/committee' ? 'purchaser' : expert
      const res = await t.http
        .post(`/api/v1/tenders/${id}/${path}`)
        .set('authorization', await auth(t, user))
        .send(body as object)
      expect(res.status, name).toBe(400)
      expect(res.headers['content-type'], name).toMatch(/application\/problem\+json/)
      expect(res.body.code, name).toBe(code)
    }
    expect(await tenderVersion(t, id)).toBe(before)
  })

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await t.http
      .post(`/api/v1/tenders/${id}/evaluation/scores`)
      .set('authorization', await auth(t, expert))
      .set('content-type', 'application/json')
      .send('{"scores": [')
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('malformed_json')
  })

  it('answers a malformed tender id with 400 and an unknown one with 404, on every route', async () => {
    const posts = [
      'evaluation/committee',
      'evaluation/declarations',
      'evaluation/scores',
      'evaluation/rejections',
      'evaluation/report',
      'publicity/end',
    ]
    for (const path of posts) {
      const bad = await t.http
        .post(`/api/v1/tenders/nope/${path}`)
        .set('authorization', await auth(t, 'operator'))
        .send({})
      expect(bad.status, path).toBe(400)
      expect(bad.body.code, path).toBe('validation_failed')
    }
    const unknown = await t.http
      .post(`/api/v1/tenders/${missingTender}/publicity/end`)
      .set('authorization', await auth(t, 'operator'))
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('not_found')
    const draw = await t.http
      .post(`/api/v1/tenders/${missingTender}/evaluation/committee`)
      .set('authorization', await auth(t, 'operator'))
      .send({})
    expect(draw.status).toBe(404)
    const read = await t.http
      .get(`/api/v1/tenders/${missingTender}/evaluation`)
      .set('authorization', await auth(t, 'supervisor'))
    expect(read.status).toBe(404)
    const badRead = await t.http
      .get('/api/v1/tenders/nope/evaluation')
      .set('authorization', await auth(t, 'supervisor'))
    expect(badRead.status).toBe(400)
  })
})
