// Given a committee that has declared and scored, when it submits its report, then the candidates go
// to publicity for 3 days (条例 Art 54), which ends only after that; no candidates at all → 流标.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../src/shared/clock.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  auth,
  declareAll,
  drawCommittee,
  evaluationOf,
  report,
  scoreAll,
  tenderInEvaluation,
  tenderInPublicity,
  tenderVersion,
} from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function scoredTender() {
  const tender = await tenderInEvaluation(t)
  const members = await drawCommittee(t, tender.id)
  await declareAll(t, tender.id, members)
  const bidIds = tender.bids.map((b) => b.bidId)
  await scoreAll(t, tender.id, members, bidIds)
  return { ...tender, members, bidIds }
}

const endPublicity = async (id: string, user = 'purchaser') =>
  t.http
    .post(`/api/v1/tenders/${id}/publicity/end`)
    .set('authorization', await auth(t, user))
    .send()

describe('the evaluation report', () => {
  it('moves the candidates to publicity until 3 days later, with dissent recorded', async () => {
    const { id, members, bidIds, bids } = await scoredTender()
    const res = await report(t, id, members[0]!, {
      candidates: [bidIds[1], bidIds[0]],
      dissent: [{ expertId: members[4], opinion: '对技术标评分有不同意见' }],
    })
    expect(res.status).toBe(200)
    expect(res.body.tender).toMatchObject({ state: 'candidatePublicity', candidates: [bidIds[1], bidIds[0]] })
    const endsAt = new Date(t.clock.now().getTime() + 3 * DAY_MS).toISOString()
    expect(res.body.tender.publicityEndsAt).toBe(endsAt)

    const view = await evaluationOf(t, id, 'purchaser')
    expect(view.status).toBe(200)
    expect(view.body).toMatchObject({
      state: 'candidatePublicity',
      summary: '经评审，推荐定标候选人如下',
      dissent: [{ expertId: members[4], opinion: '对技术标评分有不同意见' }],
      publicityEndsAt: endsAt,
    })
    expect(view.body.candidates).toEqual([
      {
        rank: 1,
        bidId: bidIds[1],
        bidderOrgId: bids[1]!.bidderOrgId,
        bidderName: expect.any(String),
        priceFen: bids[1]!.priceFen,
      },
      {
        rank: 2,
        bidId: bidIds[0],
        bidderOrgId: bids[0]!.bidderOrgId,
        bidderName: expect.any(String),
        priceFen: bids[0]!.priceFen,
      },
    ])
    // Members scored 80, 81, 82, 83, 84 on every bid.
    expect(view.body.bids[0].scores).toEqual({ count: 5, mean: '82.00', min: 80, max: 84 })
  })

  it('refuses the report before every member has declared and scored: 422 committee_not_finished', async () => {
    const tender = await tenderInEvaluation(t)
    const members = await drawCommittee(t, tender.id)
    await declareAll(t, tender.id, members)
    const bidIds = tender.bids.map((b) => b.bidId)
    await scoreAll(t, tender.id, members.slice(0, 4), bidIds)
    const res = await report(t, tender.id, members[0]!, { candidates: [bidIds[0]] })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'committee_not_finished', missingScores: [members[4]] })
  })

  it('refuses more candidates than the pack allows, unknown candidates and outside dissenters', async () => {
    const { id, members, bidIds } = await scoredTender()
    const before = await tenderVersion(t, id)
    const tooMany = await report(t, id, members[0]!, { candidates: bidIds })
    expect(tooMany.status).toBe(422)
    expect(tooMany.body).toMatchObject({ code: 'candidate_count_out_of_range', min: 1, max: 3 })
    const unknown = await report(t, id, members[0]!, { candidates: [`bid_${'a'.repeat(32)}`] })
    expect(unknown.status).toBe(422)
    expect(unknown.body.code).toBe('candidate_not_valid')
    const dissent = await report(t, id, members[0]!, {
      candidates: [bidIds[0]],
      dissent: [{ expertId: `usr_${'b'.repeat(32)}`, opinion: '不同意' }],
    })
    expect(dissent.status).toBe(422)
    expect(dissent.body.code).toBe('dissent_not_member')
    expect(await tenderVersion(t, id)).toBe(before)
  })

  it('ends in failed (流标) when the report names no candidate', async () => {
    const { id, members } = await scoredTender()
    const res = await report(t, id, members[2]!, {
      candidates: [],
      summary: '有效投标不足，缺乏竞争性，否决全部投标',
    })
    expect(res.status).toBe(200)
    expect(res.body.tender).toMatchObject({
      state: 'failed',
      failureReason: 'allBidsRejected',
      publicityEndsAt: null,
    })
    const view = await evaluationOf(t, id)
    expect(view.body).toMatchObject({
      state: 'failed',
      candidates: [],
      summary: '有效投标不足，缺乏竞争性，否决全部投标',
    })
    expect((await endPublicity(id)).status).toBe(409)
  })
})

describe('ending candidate publicity', () => {
  it('is refused before the 3 days are over and accepted after, moving to awarding', async () => {
    const { id } = await tenderInPublicity(t)
    t.clock.advance(3 * DAY_MS - 60_000)
    const early = await endPublicity(id)
    expect(early.status).toBe(422)
    expect(early.body).toMatchObject({ code: 'publicity_not_over', publicityEndsAt: expect.any(String) })
    t.clock.advance(60_000)
    const ended = await endPublicity(id, 'operator')
    expect(ended.status).toBe(200)
    expect(ended.body.tender.state).toBe('awarding')
    expect(ended.body.event.type).toBe('END_PUBLICITY')
  })

  it('is for the own purchaser or the operator only', async () => {
    const { id } = await tenderInPublicity(t)
    t.clock.advance(3 * DAY_MS)
    for (const user of ['bidder1', 'supervisor', 'expert1']) {
      expect((await endPublicity(id, user)).status, user).toBe(403)
    }
  })

  it('is refused with 409 while the tender is still in evaluation', async () => {
    const { id } = await tenderInEvaluation(t)
    const res = await endPublicity(id)
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'illegal_transition', state: 'evaluation' })
  })
})
