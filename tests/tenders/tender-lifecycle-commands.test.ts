// Given/when/then over HTTP for the tender-level commands: create, edit, publish, extend, suspend, cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../src/shared/clock.ts'
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
beforeAll(async () => {
  t = await startTestApp()
  purchaser = `Bearer ${await t.token('purchaser')}`
})
afterAll(() => t.close())

describe('creating and editing a draft', () => {
  it('creates a draft with a Location, an ETag and the events it accepts', async () => {
    const res = await t.http.post('/api/v1/tenders').set('authorization', purchaser).send(draftBody)
    expect(res.status).toBe(201)
    expect(res.headers.location).toBe(`/api/v1/tenders/${res.body.id}`)
    expect(res.headers.etag).toBe('"1"')
    expect(res.body).toMatchObject({
      state: 'draft',
      version: 1,
      title: draftBody.title,
      estimatedValueFen: '3850000000',
    })
    expect(res.body.allowedEvents).toEqual(expect.arrayContaining(['EDIT', 'PUBLISH', 'CANCEL']))
  })

  it('edits a draft and honours If-Match', async () => {
    const id = await createDraft(t)
    const stale = await t.http
      .patch(`/api/v1/tenders/${id}`)
      .set('authorization', purchaser)
      .set('if-match', '"7"')
      .send({ title: '新标题' })
    expect(stale.status).toBe(412)
    expect(stale.body.code).toBe('version_mismatch')
    const ok = await t.http
      .patch(`/api/v1/tenders/${id}`)
      .set('authorization', purchaser)
      .set('if-match', '"1"')
      .send({ title: '新标题' })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ title: '新标题', version: 2 })
    expect(ok.headers.etag).toBe('"2"')
  })

  it('hides drafts from other organisations and the public', async () => {
    const id = await createDraft(t)
    expect((await t.http.get(`/api/v1/tenders/${id}`)).status).toBe(404)
    const bidder = `Bearer ${await t.token('bidder1')}`
    expect((await t.http.get(`/api/v1/tenders/${id}`).set('authorization', bidder)).status).toBe(404)
    const list = await t.http.get('/api/v1/tenders')
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(id)
  })
})

describe('publishing', () => {
  it('publishes with a deadline ≥ 20 days away and freezes the particulars', async () => {
    const id = await createDraft(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/publish`)
      .set('authorization', purchaser)
      .send(publishBody(t))
    expect(res.status).toBe(200)
    expect(res.body.tender).toMatchObject({
      state: 'bidding',
      rulePackId: 'cn-national-bidding',
      awardMethod: 'simpleMajority',
    })
    expect(res.body.event).toMatchObject({ seq: 2, type: 'PUBLISH' })
    const edit = await t.http
      .patch(`/api/v1/tenders/${id}`)
      .set('authorization', purchaser)
      .send({ title: 'x' })
    expect(edit.status).toBe(409)
    expect(edit.body).toMatchObject({ code: 'illegal_transition', state: 'bidding' })
    expect(edit.body.allowed).not.toContain('EDIT')
    expect((await t.http.get(`/api/v1/tenders/${id}`)).status).toBe(200)
  })

  it('refuses a deadline under 20 days with 422 deadline_too_soon and writes nothing', async () => {
    const id = await createDraft(t)
    const before = await eventCount(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/publish`)
      .set('authorization', purchaser)
      .send(publishBody(t, 19))
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('deadline_too_soon')
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(await eventCount(t)).toBe(before)
  })

  it('refuses the banned lottery method under the national pack', async () => {
    const id = await createDraft(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/publish`)
      .set('authorization', purchaser)
      .send({ ...publishBody(t), awardMethod: 'lottery' })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('method_not_allowed')
  })

  it("refuses publishing another organisation's tender", async () => {
    const id = await createDraft(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/publish`)
      .set('authorization', `Bearer ${await t.token('bidder2')}`)
      .send(publishBody(t))
    // A draft another organisation cannot see reads as missing (404), not as a refusal that confirms it.
    expect(res.status).toBe(404)
  })
})

describe('deadline, suspension and cancellation', () => {
  it('extends the deadline with a reason', async () => {
    const id = await createPublished(t)
    const current = (await t.http.get(`/api/v1/tenders/${id}`)).body.deadline as string
    const later = new Date(new Date(current).getTime() + 5 * DAY_MS).toISOString()
    const res = await t.http
      .post(`/api/v1/tenders/${id}/extend-deadline`)
      .set('authorization', purchaser)
      .send({ newDeadline: later, reason: '澄清' })
    expect(res.status).toBe(200)
    expect(res.body.tender.deadline).toBe(later)
    const earlier = await t.http
      .post(`/api/v1/tenders/${id}/extend-deadline`)
      .set('authorization', purchaser)
      .send({ newDeadline: current, reason: '回退' })
    expect(earlier.status).toBe(422)
  })

  it('a supervisor suspends: progress is refused until resumed', async () => {
    const id = await createPublished(t)
    const supervisor = `Bearer ${await t.token('supervisor')}`
    expect(
      (
        await t.http
          .post(`/api/v1/tenders/${id}/suspend`)
          .set('authorization', purchaser)
          .send({ reason: 'x' })
      ).status,
    ).toBe(403)
    const suspended = await t.http
      .post(`/api/v1/tenders/${id}/suspend`)
      .set('authorization', supervisor)
      .send({ reason: '投诉处理' })
    expect(suspended.body.tender).toMatchObject({ held: true, suspended: true })
    const resumed = await t.http
      .post(`/api/v1/tenders/${id}/resume`)
      .set('authorization', supervisor)
      .send({ reason: '处理完毕' })
    expect(resumed.body.tender).toMatchObject({ held: false })
  })

  it('cancels from a live state with a reason; a cancelled tender accepts nothing', async () => {
    const id = await createPublished(t)
    const res = await t.http
      .post(`/api/v1/tenders/${id}/cancel`)
      .set('authorization', purchaser)
      .send({ reason: '项目取消' })
    expect(res.body.tender).toMatchObject({ state: 'cancelled', cancelReason: '项目取消', allowedEvents: [] })
    const again = await t.http
      .post(`/api/v1/tenders/${id}/cancel`)
      .set('authorization', purchaser)
      .send({ reason: '再次' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'illegal_transition', state: 'cancelled', allowed: [] })
  })
})
