// Text PostgreSQL cannot store (U+0000, a lone UTF-16 surrogate) is refused at validation, in any part
// of any request, with 400 invalid_text naming where it is; nothing is written. A surrogate pair is text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bidBody, sealTo, submitJwe, tenderJwk } from '../support/bidding.ts'
import {
  createDraft,
  createPublished,
  draftBody,
  eventCount,
  publishBody,
} from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let purchaser: string
let bidder: string
beforeAll(async () => {
  t = await startTestApp()
  purchaser = `Bearer ${await t.token('purchaser')}`
  bidder = `Bearer ${await t.token('bidder1')}`
})
afterAll(() => t.close())

function expectInvalidText(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  location: string,
  path: string,
  fault: 'nul' | 'lone_surrogate',
  index: number,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.body).toMatchObject({ code: 'invalid_text', location, path, fault, index })
  expect(res.body.detail).toContain(path)
}

describe('text that cannot be stored', () => {
  it('a NUL in the dev-login username → 400 invalid_text at /username', async () => {
    const res = await t.http.post('/api/v1/auth/dev-login').send({ username: 'bidder\u00001' })
    expectInvalidText(res, 'body', '/username', 'nul', 6)
  })

  it('a lone surrogate in a title, a NUL in the description → 400, and nothing is written', async () => {
    const before = await eventCount(t)
    const lone = await t.http
      .post('/api/v1/tenders')
      .set('authorization', purchaser)
      .send({ ...draftBody, title: 't\ud800' })
    expectInvalidText(lone, 'body', '/title', 'lone_surrogate', 1)
    const trailing = await t.http
      .post('/api/v1/tenders')
      .set('authorization', purchaser)
      .send({ ...draftBody, description: 'ok\udc00' })
    expectInvalidText(trailing, 'body', '/description', 'lone_surrogate', 2)
    expect(await eventCount(t)).toBe(before)
  })

  it('inside arrays: an award factor at /awardFactors/1', async () => {
    const id = await createDraft(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/publish`)
      .set('authorization', purchaser)
      .send({ ...publishBody(t), awardFactors: ['投标报价', '企业\u0000信用'] })
    expectInvalidText(res, 'body', '/awardFactors/1', 'nul', 2)
  })

  it('a reason, a question, an amendment', async () => {
    const id = await createPublished(t)
    const cases = [
      { path: `${id}/cancel`, who: purchaser, body: { reason: '\u0000' }, field: '/reason' },
      { path: `${id}/questions`, who: bidder, body: { question: '工期\ud83d' }, field: '/question' },
      { path: `${id}/amendments`, who: purchaser, body: { summary: 'a\u0000' }, field: '/summary' },
    ]
    for (const c of cases) {
      const res = await t.http.post(`/api/v1/tenders/${c.path}`).set('authorization', c.who).send(c.body)
      expect(res.body.code, c.path).toBe('invalid_text')
      expect(res.body.path, c.path).toBe(c.field)
    }
  })

  it('the convenience bid {bid} before it is sealed, and the JWE string', async () => {
    const id = await createPublished(t)
    const item = { name: '路面\u0000', quantity: 1, unitPriceFen: '3790000000' }
    const plain = await t.http
      .post(`/api/v1/tenders/${id}/bids`)
      .set('authorization', bidder)
      .send({ bid: bidBody('3790000000', { items: [item] }) })
    expectInvalidText(plain, 'body', '/bid/items/0/name', 'nul', 2)
    const jwe = await sealTo(await tenderJwk(t, id), bidBody())
    expectInvalidText(await submitJwe(t, id, 'bidder1', `${jwe}\u0000`), 'body', '/jwe', 'nul', jwe.length)
  })

  it('a query string: GET /tenders?state=%00 → 400 at querystring /state', async () => {
    const res = await t.http.get('/api/v1/tenders?state=%00')
    expectInvalidText(res, 'querystring', '/state', 'nul', 0)
  })

  it('a surrogate pair (an emoji) is ordinary text and is stored', async () => {
    const res = await t.http
      .post('/api/v1/tenders')
      .set('authorization', purchaser)
      .send({ ...draftBody, title: '道路改造 🚧' })
    expect(res.status).toBe(201)
    const read = await t.http.get(`/api/v1/tenders/${res.body.id}`).set('authorization', purchaser)
    expect(read.body.title).toBe('道路改造 🚧')
  })
})
