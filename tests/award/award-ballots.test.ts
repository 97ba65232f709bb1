// Secret ballots: who voted is visible at once, the choices and tally only once the chair closes the round.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  type AwardingTender,
  formAndFreeze,
  get,
  openMeeting,
  post,
  reachAwarding,
  userId,
  usernameOf,
} from './support.ts'

describe('POST tenders/{id}/award/ballots', () => {
  let t: TestApp
  let tender: AwardingTender
  const base = () => `/api/v1/tenders/${tender.tenderId}/award`
  const ballot = (bidId: string) => ({ candidateBidId: bidId, reason: '报价合理，信用良好' })

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
  })
  afterEach(async () => t.close())

  it('keeps each choice and every count secret until the chair closes the round', async () => {
    const members = await openMeeting(t, tender.tenderId)
    const [a, b] = tender.candidates
    // given four of five members have voted, each answered with a receipt, never the choice
    for (const member of members.slice(0, 4)) {
      const res = await post(t, member, `${base()}/ballots`, ballot(a!))
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.body)).not.toContain('报价合理')
      expect(res.body.result.receipt).toEqual({
        round: 1,
        seq: res.body.event.seq,
        hash: res.body.event.hash,
        code: `${res.body.event.seq}-${res.body.event.hash.slice(0, 12)}`,
        castAt: res.body.event.recordedAt,
      })
    }
    // then readers see who voted, but neither choices nor tally
    const partial = await get(t, members[4]!, base())
    expect(partial.status).toBe(200)
    expect(partial.body.rounds).toEqual([
      {
        round: 1,
        status: 'open',
        openedAt: expect.any(String),
        closedAt: null,
        activeCandidates: tender.candidates,
        votedBy: members.slice(0, 4).map(userId),
        complete: false,
        tally: null,
        ballots: null,
      },
    ])
    expect(JSON.stringify(partial.body)).not.toContain('报价合理')
    // when the last member votes, then the round is complete but still secret until the chair closes it
    await post(t, members[4]!, `${base()}/ballots`, ballot(b!))
    const voted = await get(t, 'purchaser', base())
    expect(voted.body.rounds[0]).toMatchObject({ status: 'open', complete: true, tally: null, ballots: null })
    expect(voted.body.next).toMatchObject({ action: 'CLOSE_ROUND', by: 'chair' })
    expect(JSON.stringify(voted.body)).not.toContain('报价合理')
    // and when the chair closes it, the tally and each ballot with its reason are disclosed
    const closed = await post(t, members[0]!, `${base()}/rounds/1/close`)
    expect(closed.status).toBe(200)
    const complete = await get(t, 'purchaser', base())
    const [round] = complete.body.rounds
    expect(round).toMatchObject({ status: 'closed', closedAt: closed.body.event.recordedAt })
    expect(round.complete).toBe(true)
    expect(round.tally).toEqual([
      { bidId: a, votes: 4 },
      { bidId: b, votes: 1 },
      { bidId: tender.candidates[2], votes: 0 },
    ])
    expect(round.ballots).toHaveLength(5)
    expect(round.ballots[4]).toEqual({
      memberId: userId(members[4]!),
      candidateBidId: b,
      reason: '报价合理，信用良好',
    })
  })

  it('refuses anyone not on this committee with 403 not_on_committee', async () => {
    const members = await openMeeting(t, tender.tenderId)
    const outsider = ['member1', 'member2', 'member3', 'member4', 'member5', 'member6'].find(
      (m) => !members.includes(m),
    )!
    for (const username of [outsider, 'purchaser', 'expert1', 'bidder1']) {
      const res = await post(t, username, `${base()}/ballots`, ballot(tender.candidates[0]!))
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('not_on_committee')
    }
  })

  it('takes one ballot per member per round, for a candidate still in the vote', async () => {
    const members = await openMeeting(t, tender.tenderId)
    const member = members[0]!
    const notCandidate = await post(t, member, `${base()}/ballots`, ballot(tender.bidIds[3]!))
    expect(notCandidate.status).toBe(422)
    expect(notCandidate.body.code).toBe('not_an_active_candidate')
    expect((await post(t, member, `${base()}/ballots`, ballot(tender.candidates[0]!))).status).toBe(200)
    const twice = await post(t, member, `${base()}/ballots`, ballot(tender.candidates[1]!))
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('already_voted')
  })

  it('waits for the frozen dossiers', async () => {
    const formed = await post(t, 'purchaser', `${base()}/committee`)
    const member = usernameOf(formed.body.result.members[0])
    // a member who checked in before the freeze still waits for it
    expect((await post(t, member, `${base()}/check-in`)).status).toBe(200)
    const res = await post(t, member, `${base()}/ballots`, ballot(tender.candidates[0]!))
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('dossiers_not_frozen')
  })

  it('shows the award meeting to its readers only', async () => {
    const members = await formAndFreeze(t, tender.tenderId)
    const outsider = ['member1', 'member2', 'member3', 'member4', 'member5', 'member6'].find(
      (m) => !members.includes(m),
    )!
    for (const username of ['purchaser', 'auditor', members[0]!])
      expect((await get(t, username, base())).status).toBe(200)
    for (const username of [outsider, 'bidder1', 'expert1'])
      expect((await get(t, username, base())).status).toBe(403)
    const view = (await get(t, 'purchaser', base())).body
    expect(view.committee.members).toHaveLength(5)
    expect(view.committee.members[0]).toMatchObject({
      chair: true,
      displayName: expect.stringContaining('定标委员'),
    })
    expect(view.dossierHash).toMatch(/^[0-9a-f]{64}$/)
  })
})
