// Every date-time the API takes becomes a Date: one it cannot hold (a leap second, an offset of hours
// only) is refused with 400 validation_failed naming the field, on every route that takes one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isRepresentableDateTime } from '../../src/http/validation.ts'
import { createDraft, createPublished, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let purchaser: string
beforeAll(async () => {
  t = await startTestApp()
  purchaser = `Bearer ${await t.token('purchaser')}`
})
afterAll(() => t.close())

const LEAP_SECOND = '2027-06-30T23:59:60Z'

function expectRefused(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  location: string,
  path: string,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.body.code).toBe('validation_failed')
  expect(res.body.errors).toEqual([
    expect.objectContaining({ location, path, params: { format: 'date-time' } }),
  ])
}

describe('date-times a Date cannot hold', () => {
  it('the format: RFC 3339 with an offset, and readable by Date.parse', () => {
    for (const ok of ['2027-06-30T23:59:59Z', '2027-06-30T23:59:59.123+08:00', '2027-06-30t15:59:59z'])
      expect(isRepresentableDateTime(ok), ok).toBe(true)
    for (const bad of [LEAP_SECOND, '2027-06-30T23:59:59+08', '2027-06-30T23:59:59', '2027-02-30T00:00:00Z'])
      expect(isRepresentableDateTime(bad), bad).toBe(false)
  })

  it('publish with a leap-second deadline → 400 at /deadline', async () => {
    const id = await createDraft(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/publish`)
      .set('authorization', purchaser)
      .send({ ...publishBody(t), deadline: LEAP_SECOND })
    expectRefused(res, 'body', '/deadline')
  })

  it('extend-deadline and an amendment with a leap second or "+08" → 400 at /newDeadline', async () => {
    const id = await createPublished(t)
    const extend = await t.http
      .post(`/api/v1/tenders/${id}/extend-deadline`)
      .set('authorization', purchaser)
      .send({ newDeadline: LEAP_SECOND, reason: '澄清' })
    expectRefused(extend, 'body', '/newDeadline')
    const amend = await t.http
      .post(`/api/v1/tenders/${id}/amendments`)
      .set('authorization', purchaser)
      .send({ summary: '更正工程量清单', newDeadline: '2027-06-30T23:59:59+08' })
    expectRefused(amend, 'body', '/newDeadline')
  })

  it('the credit query ?at= → 400 at querystring /at', async () => {
    const res = await t.http
      .get(`/api/v1/credit/91350200776049653A?at=${encodeURIComponent(LEAP_SECOND)}`)
      .set('authorization', purchaser)
    expectRefused(res, 'querystring', '/at')
  })

  it('an offset is read as the moment it names', async () => {
    const id = await createPublished(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/extend-deadline`)
      .set('authorization', purchaser)
      .send({ newDeadline: '2026-04-30T17:00:00+08:00', reason: '澄清' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.tender.deadline).toBe('2026-04-30T09:00:00.000Z')
  })
})
