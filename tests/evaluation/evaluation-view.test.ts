// Given an evaluation under way, when each kind of reader asks for it, then each sees only its part:
// expert names stay hidden until the report (法 Art 37), marks until one's own are in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  declareAll,
  drawCommittee,
  evaluationOf,
  outsiders,
  report,
  score,
  scoreAll,
  tenderInEvaluation,
} from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const nameOf = (id: string) => DEMO_USERS.find((u) => u.id === id)!.displayName
type Member = { expertId: string; displayName: string | null; you: boolean }

describe('reading the evaluation', () => {
  it('hides expert names until the report, then shows them to the purchaser and oversight', async () => {
    const tender = await tenderInEvaluation(t)
    const members = await drawCommittee(t, tender.id)
    for (const reader of ['purchaser', 'supervisor', 'auditor', 'operator']) {
      const res = await evaluationOf(t, tender.id, reader)
      expect(res.status, reader).toBe(200)
      expect(res.body.committee.map((m: Member) => m.expertId)).toEqual(members)
      expect(res.body.committee.every((m: Member) => m.displayName === null)).toBe(true)
    }
    await declareAll(t, tender.id, members)
    const bidIds = tender.bids.map((b) => b.bidId)
    await scoreAll(t, tender.id, members, bidIds)
    await report(t, tender.id, members[0]!, { candidates: [bidIds[0]] })
    const after = await evaluationOf(t, tender.id, 'purchaser')
    expect(after.body.committee.map((m: Member) => m.displayName)).toEqual(members.map(nameOf))
  })

  it('shows a member their own name only, and the marks only once they have scored', async () => {
    const tender = await tenderInEvaluation(t)
    const members = await drawCommittee(t, tender.id)
    await declareAll(t, tender.id, members)
    const bidIds = tender.bids.map((b) => b.bidId)
    await score(t, tender.id, members[0]!, bidIds, [90, 80, 70, 60.5])

    const own = await evaluationOf(t, tender.id, members[1]!)
    expect(own.status).toBe(200)
    const entries: Member[] = own.body.committee
    expect(entries.find((m) => m.you)).toMatchObject({
      expertId: members[1],
      displayName: nameOf(members[1]!),
    })
    expect(entries.filter((m) => !m.you).every((m) => m.displayName === null)).toBe(true)
    expect(own.body.bids.every((b: { scores: unknown }) => b.scores === null)).toBe(true)
    expect(own.body.draw.members).toEqual(members)

    const scorer = await evaluationOf(t, tender.id, members[0]!)
    expect(scorer.body.bids.map((b: { scores: { mean: string } }) => b.scores.mean)).toEqual([
      '90.00',
      '80.00',
      '70.00',
      '60.50',
    ])
    const purchaser = await evaluationOf(t, tender.id, 'purchaser')
    expect(purchaser.body.bids[0]).toMatchObject({
      bidId: bidIds[0],
      priceFen: tender.bids[0]!.priceFen,
      scores: null,
    })
    expect(purchaser.body.bids[0].bidderName).toEqual(expect.stringContaining('演示'))
    const supervisor = await evaluationOf(t, tender.id, 'supervisor')
    expect(supervisor.body.bids[3].scores).toEqual({ count: 1, mean: '60.50', min: 60.5, max: 60.5 })
    expect(supervisor.body.declarations).toHaveLength(5)
  })

  it("summarises each bid's marks with the mean rounded to two places", async () => {
    const tender = await tenderInEvaluation(t)
    const members = await drawCommittee(t, tender.id)
    await declareAll(t, tender.id, members)
    const bidIds = tender.bids.map((b) => b.bidId)
    const first = [80.01, 80.02, 80.02, 80.02, 80] // 400.07 / 5 = 80.014
    const last = [99.99, 99.99, 99.99, 100, 100] // 499.97 / 5 = 99.994
    for (const [i, member] of members.entries()) {
      await score(t, tender.id, member, bidIds, [first[i]!, i < 3 ? 0.01 : 0, i < 2 ? 0.01 : 0, last[i]!])
    }
    const view = await evaluationOf(t, tender.id)
    expect(view.body.bids.map((b: { scores: { mean: string } }) => b.scores.mean)).toEqual([
      '80.01',
      '0.01', // 0.03 / 5 = 0.006
      '0.00', // 0.02 / 5 = 0.004
      '99.99',
    ])
    expect(view.body.bids[3].scores).toMatchObject({ count: 5, min: 99.99, max: 100 })
  })

  it("refuses bidders, other purchasers' staff and experts not drawn", async () => {
    const tender = await tenderInEvaluation(t)
    const members = await drawCommittee(t, tender.id)
    const bidder = await evaluationOf(t, tender.id, 'bidder1')
    expect(bidder.status).toBe(403)
    const agent = await evaluationOf(t, tender.id, 'agent')
    expect(agent.status).toBe(403)
    const outsider = await evaluationOf(t, tender.id, outsiders(members)[0]!)
    expect(outsider.status).toBe(403)
    expect(outsider.body.code).toBe('not_on_committee')
    expect((await t.http.get(`/api/v1/tenders/${tender.id}/evaluation`)).status).toBe(401)
  })
})
