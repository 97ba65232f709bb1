// Given a tender in evaluation, when the purchaser draws the committee, then the draw is recorded and
// anyone can re-run it from the event and the hash of the event before it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyDraw } from '../../src/draws/verifiable-draw.ts'
import { readStream } from '../../src/events/event-store.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  auth,
  EXPERT_IDS,
  evaluationOf,
  publishedTender,
  tenderInEvaluation,
  tenderVersion,
} from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const drawUrl = (id: string) => `/api/v1/tenders/${id}/evaluation/committee`

describe('drawing the evaluation committee', () => {
  it('draws 5 of the 9 seeded experts, and the proof re-runs to the same members', async () => {
    const { id } = await tenderInEvaluation(t)
    const res = await t.http
      .post(drawUrl(id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({ size: 5 })
    expect(res.status).toBe(200)
    expect(res.body.event.type).toBe('DRAW_EXPERTS')
    const { members, streamHeadHash } = res.body.result
    expect(members).toHaveLength(5)
    expect(new Set(members).size).toBe(5)
    expect(EXPERT_IDS).toEqual(expect.arrayContaining(members))

    const view = await evaluationOf(t, id)
    const draw = view.body.draw
    expect(draw.pool).toEqual([...EXPERT_IDS].sort())
    expect(draw.members).toEqual(members)
    expect(draw.streamHeadHash).toBe(streamHeadHash)
    expect(verifyDraw(draw, draw.streamHeadHash, members)).toBe(true)

    // The head the seed is bound to is the hash of the event just before the draw.
    const events = await readStream(t.database.db, tenderStreamId(id))
    const drawEvent = events.find((e) => e.type === 'DRAW_EXPERTS')!
    expect(events[drawEvent.seq - 2]!.hash).toBe(streamHeadHash)
    expect(drawEvent.data).toMatchObject({ members, draw: { secret: draw.secret, seed: draw.seed } })
  })

  it('defaults to the rule pack minimum (5) and lets the operator draw', async () => {
    const { id } = await tenderInEvaluation(t)
    const res = await t.http
      .post(drawUrl(id))
      .set('authorization', await auth(t, 'operator'))
      .send({})
    expect(res.status).toBe(200)
    expect(res.body.result.members).toHaveLength(5)
  })

  it('gives different committees for different tenders (fresh secret and head each time)', async () => {
    const a = await tenderInEvaluation(t)
    const b = await tenderInEvaluation(t)
    const drawA = await t.http
      .post(drawUrl(a.id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({ size: 9 })
    const drawB = await t.http
      .post(drawUrl(b.id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({ size: 9 })
    // All nine each time, but in draw order, which differs (1 in 9! to be equal by chance).
    expect([...drawA.body.result.members].sort()).toEqual([...drawB.body.result.members].sort())
    expect(drawA.body.result.members).not.toEqual(drawB.body.result.members)
  })

  it('refuses a committee larger than the pool with 422 pool_too_small and writes nothing', async () => {
    const { id } = await tenderInEvaluation(t)
    const before = await tenderVersion(t, id)
    const res = await t.http
      .post(drawUrl(id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({ size: 11 })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'pool_too_small', poolSize: 9, size: 11 })
    expect(await tenderVersion(t, id)).toBe(before)
  })

  it('refuses an even or too small committee with 422 committee_size_not_allowed', async () => {
    const { id } = await tenderInEvaluation(t)
    for (const size of [6, 3]) {
      const res = await t.http
        .post(drawUrl(id))
        .set('authorization', await auth(t, 'purchaser'))
        .send({ size })
      expect(res.status).toBe(422)
      expect(res.body).toMatchObject({ code: 'committee_size_not_allowed', minSize: 5, odd: true })
    }
  })

  it('refuses a second draw with 409 committee_already_drawn', async () => {
    const { id } = await tenderInEvaluation(t)
    await t.http
      .post(drawUrl(id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({})
    const again = await t.http
      .post(drawUrl(id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({})
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('committee_already_drawn')
  })

  it('refuses a draw before opening with 409 illegal_transition', async () => {
    const id = await publishedTender(t)
    const res = await t.http
      .post(drawUrl(id))
      .set('authorization', await auth(t, 'purchaser'))
      .send({})
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'illegal_transition', state: 'bidding' })
  })

  it('lets only the own purchaser or the operator draw', async () => {
    const { id } = await tenderInEvaluation(t)
    for (const user of ['bidder1', 'expert1', 'supervisor', 'agent']) {
      const res = await t.http
        .post(drawUrl(id))
        .set('authorization', await auth(t, user))
        .send({})
      expect(res.status, user).toBe(403)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
    expect((await t.http.post(drawUrl(id)).send({})).status).toBe(401)
  })
})
