// A tied round is voted again among the tied; the decision must name the round's unique majority.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, formAndFreeze, get, post, reachAwarding, voteRound } from './support.ts'

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
    members = await formAndFreeze(t, tender.tenderId)
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
    // when the purchaser starts the re-vote, then round 2 is among a and b only
    const revote = await post(t, 'purchaser', `${base()}/revote`)
    expect(revote.status).toBe(200)
    let view = (await get(t, 'purchaser', base())).body
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
    expect(view.rounds[1]).toMatchObject({ complete: false, votedBy: [], tally: null })
    // a vote for c is no longer possible
    const out = await post(t, members[0]!, `${base()}/ballots`, { candidateBidId: c, reason: '仍选丙' })
    expect(out.status).toBe(422)
    // when round 2 ends 3–2 for b, then only b may be decided
    await voteRound(t, tender.tenderId, members, [b, b, b, a, a])
    expect((await decide(a)).status).toBe(422)
    const decided = await decide(b)
    expect(decided.status).toBe(200)
    expect(decided.body.tender).toMatchObject({ state: 'resultPublicity', winnerBidId: b })
    view = (await get(t, 'supervisor', base())).body
    expect(view).toMatchObject({ winnerBidId: b, decisionReasons: '得票最多', state: 'resultPublicity' })
    expect(view.rounds[1].tally).toEqual([
      { bidId: a, votes: 2 },
      { bidId: b, votes: 3 },
    ])
  })

  it('refuses a re-vote without a tie and a decision before everyone voted', async () => {
    const [a, b] = tender.candidates as [string, string]
    await voteRound(t, tender.tenderId, members.slice(0, 4), [a, a, a, b])
    expect((await decide(a)).status).toBe(422)
    await voteRound(t, tender.tenderId, members.slice(4), [b])
    const revote = await post(t, 'purchaser', `${base()}/revote`)
    expect(revote.status).toBe(422)
    expect(revote.body.code).toBe('no_tie_to_revote')
    expect((await decide(b)).status).toBe(422)
    expect((await decide(tender.bidIds[3]!)).status).toBe(422)
    expect((await decide(a)).status).toBe(200)
  })

  it('lets only the own purchaser record the decision', async () => {
    const [a] = tender.candidates as [string]
    await voteRound(t, tender.tenderId, members, [a, a, a, a, a])
    const byMember = await post(t, members[0]!, `${base()}/decision`, { winnerBidId: a, reasons: '一致' })
    expect(byMember.status).toBe(403)
  })
})
