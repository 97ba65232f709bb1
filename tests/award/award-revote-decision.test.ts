// A tied round is voted again among the tied; the decision must name the round's unique majority, and
// is recorded by the chair or the purchaser, in that capacity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  type AwardingTender,
  castBallots,
  chairRound,
  get,
  openMeeting,
  post,
  reachAwarding,
  userId,
  voteRound,
} from './support.ts'

describe('re-vote and decision', () => {
  let t: TestApp
  let tender: AwardingTender
  let members: string[]
  const base = () => `/api/v1/tenders/${tender.tenderId}/award`
  const decide = (winnerBidId: string) =>
    post(t, 'purchaser', `${base()}/decision`, { winnerBidId, reasons: '得票最多' })

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
    members = await openMeeting(t, tender.tenderId)
  })
  afterEach(async () => t.close())

  it('re-votes a 2–2–1 tie among the two tied, then records the majority', async () => {
    const [a, b, c] = tender.candidates as [string, string, string]
    // given round 1 ends 2–2–1
    await voteRound(t, tender.tenderId, members, [a, a, b, b, c])
    // then no decision is possible yet
    const early = await decide(a)
    expect(early.status).toBe(422)
    expect(early.body.code).toBe('winner_not_designated')
    // when the purchaser starts the re-vote, then round 2 is among a and b only, waiting for the chair
    const revote = await post(t, 'purchaser', `${base()}/revote`)
    expect(revote.status).toBe(200)
    let view = (await get(t, 'purchaser', base())).body
    expect(view.next).toMatchObject({ action: 'OPEN_ROUND', by: 'chair', rule: 'awardQuorum' })
    expect(view.round).toBe(2)
    expect(view.activeCandidates).toEqual([a, b])
    expect(view.rounds.map((r: { activeCandidates: string[] }) => r.activeCandidates)).toEqual([
      [a, b, c],
      [a, b],
    ])
    expect(view.rounds[0].tally).toEqual([
      { bidId: a, votes: 2 },
      { bidId: b, votes: 2 },
      { bidId: c, votes: 1 },
    ])
    expect(view.rounds[1]).toMatchObject({ status: 'pending', complete: false, votedBy: [], tally: null })
    // a vote for c is no longer possible once the chair opens round 2
    expect((await post(t, members[0]!, `${base()}/rounds/2/open`)).status).toBe(200)
    const out = await post(t, members[0]!, `${base()}/ballots`, { candidateBidId: c, reason: '仍选丙' })
    expect(out.status).toBe(422)
    // when round 2 ends 3–2 for b, then only b may be decided
    await voteRound(t, tender.tenderId, members, [b, b, b, a, a])
    expect((await decide(a)).status).toBe(422)
    const decided = await decide(b)
    expect(decided.status).toBe(200)
    expect(decided.body.tender).toMatchObject({ state: 'resultPublicity', winnerBidId: b })
    view = (await get(t, 'supervisor', base())).body
    expect(view).toMatchObject({
      winnerBidId: b,
      decisionReasons: '得票最多',
      state: 'resultPublicity',
      decidedBy: 'purchaser',
    })
    expect(view.rounds[1].tally).toEqual([
      { bidId: a, votes: 2 },
      { bidId: b, votes: 3 },
    ])
  })

  it('refuses a re-vote without a tie and a decision before everyone voted and the round closed', async () => {
    const [a, b] = tender.candidates as [string, string]
    await castBallots(t, tender.tenderId, members.slice(0, 4), [a, a, a, b])
    expect((await decide(a)).status).toBe(422)
    await castBallots(t, tender.tenderId, members.slice(4), [b])
    // every member has voted, but nothing is tallied before the chair closes the round
    expect((await decide(a)).body.code).toBe('winner_not_designated')
    await chairRound(t, tender.tenderId, members[0]!, 'close')
    const revote = await post(t, 'purchaser', `${base()}/revote`)
    expect(revote.status).toBe(422)
    expect(revote.body.code).toBe('no_tie_to_revote')
    expect((await decide(b)).status).toBe(422)
    expect((await decide(tender.bidIds[3]!)).status).toBe(422)
    expect((await decide(a)).status).toBe(200)
  })

  it('lets the chair or the own purchaser record the decision, no other member', async () => {
    const [a] = tender.candidates as [string]
    await voteRound(t, tender.tenderId, members, [a, a, a, a, a])
    const byMember = await post(t, members[1]!, `${base()}/decision`, { winnerBidId: a, reasons: '一致' })
    expect(byMember.status).toBe(403)
    const byChair = await post(t, members[0]!, `${base()}/decision`, { winnerBidId: a, reasons: '一致' })
    expect(byChair.status).toBe(200)
    expect(byChair.body.tender).toMatchObject({ state: 'resultPublicity', winnerBidId: a })
    const view = (await get(t, 'purchaser', base())).body
    expect(view).toMatchObject({ decidedBy: 'chair', decisionReasons: '一致' })
    const history = await get(t, 'auditor', `/api/v1/tenders/${tender.tenderId}/history`)
    const decided = history.body.events.find((e: { type: string }) => e.type === 'DECIDE')
    expect(decided.data).toMatchObject({ by: 'chair', winnerBidId: a })
    expect(decided.actor.userId).toBe(userId(members[0]!))
  })
})
