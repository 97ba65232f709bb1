// Given a drawn committee, when its experts declare, reject and score, then each acts only as
// themselves, in order (declare → reject → score), and outsiders get 403 not_on_committee.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  auth,
  declare,
  declareAll,
  drawCommittee,
  outsiders,
  score,
  tenderInEvaluation,
  tenderVersion,
} from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function committeeTender() {
  const tender = await tenderInEvaluation(t)
  const members = await drawCommittee(t, tender.id)
  return { ...tender, members, bidIds: tender.bids.map((b) => b.bidId) }
}

async function reject(id: string, expertId: string, bidId: string, ground = '投标报价高于最高投标限价') {
  return t.http
    .post(`/api/v1/tenders/${id}/evaluation/rejections`)
    .set('authorization', await auth(t, expertId))
    .send({ bidId, ground })
}

describe('declarations of no conflict', () => {
  it('records the declaration as the expert who sends it, with the statement', async () => {
    const { id, members } = await committeeTender()
    const res = await declare(t, id, members[0]!)
    expect(res.status).toBe(200)
    expect(res.body.event.type).toBe('DECLARE_NO_CONFLICT')
    const events = await readStream(t.database.db, tenderStreamId(id))
    expect(events.at(-1)!.data).toMatchObject({ expertId: members[0], statement: '本人与各投标人无利害关系' })
  })

  it('refuses a second declaration with 409 already_declared', async () => {
    const { id, members } = await committeeTender()
    await declare(t, id, members[1]!)
    const again = await declare(t, id, members[1]!)
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('already_declared')
  })

  it('answers an expert who was not drawn with 403 not_on_committee, on every command', async () => {
    const { id, members, bidIds } = await committeeTender()
    const outsider = outsiders(members)[0]!
    const before = await tenderVersion(t, id)
    const attempts = [
      await declare(t, id, outsider),
      await score(t, id, outsider, bidIds, [80, 80, 80, 80]),
      await reject(id, outsider, bidIds[0]!),
      await t.http
        .post(`/api/v1/tenders/${id}/evaluation/report`)
        .set('authorization', await auth(t, outsider))
        .send({ candidates: [], summary: 'x' }),
    ]
    for (const res of attempts) {
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('not_on_committee')
    }
    expect(await tenderVersion(t, id)).toBe(before)
  })

  it('refuses a non-expert with 403 forbidden', async () => {
    const { id } = await committeeTender()
    const res = await t.http
      .post(`/api/v1/tenders/${id}/evaluation/declarations`)
      .set('authorization', await auth(t, 'purchaser'))
      .send({ noConflict: true })
    expect(res.status).toBe(403)
    expect(res.body.code).toBe('forbidden')
  })
})

describe('rejections (否决投标) and scores', () => {
  it('needs a declaration first: 422 declaration_required', async () => {
    const { id, members, bidIds } = await committeeTender()
    const scored = await score(t, id, members[0]!, bidIds, [80, 81, 82, 83])
    expect(scored.status).toBe(422)
    expect(scored.body.code).toBe('declaration_required')
    const rejected = await reject(id, members[0]!, bidIds[0]!)
    expect(rejected.status).toBe(422)
    expect(rejected.body.code).toBe('declaration_required')
  })

  it('rejects a bid with its ground, then scores cover exactly the remaining valid bids', async () => {
    const { id, members, bidIds } = await committeeTender()
    await declareAll(t, id, members)
    const rejected = await reject(id, members[0]!, bidIds[3]!)
    expect(rejected.status).toBe(200)
    expect(rejected.body.event.type).toBe('REJECT_BID')
    const twice = await reject(id, members[1]!, bidIds[3]!)
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('already_rejected')

    const all = await score(t, id, members[0]!, bidIds, [80, 81, 82, 83])
    expect(all.status).toBe(422)
    expect(all.body).toMatchObject({ code: 'scores_must_cover_valid_bids', validBidIds: bidIds.slice(0, 3) })
    const valid = await score(t, id, members[0]!, bidIds.slice(0, 3), [88.25, 0.29, 100])
    expect(valid.status).toBe(200)
    expect(valid.body.event.type).toBe('SUBMIT_SCORES')

    const again = await score(t, id, members[0]!, bidIds.slice(0, 3), [80, 80, 80])
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('already_scored')
    const late = await reject(id, members[1]!, bidIds[0]!)
    expect(late.status).toBe(422)
    expect(late.body.code).toBe('rejections_closed')
  })

  it('refuses rejecting a bid that is not an opened bid of this tender', async () => {
    const { id, members } = await committeeTender()
    await declare(t, id, members[0]!)
    const res = await reject(id, members[0]!, `bid_${'0'.repeat(32)}`)
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('bid_not_opened')
  })
})
