// A winner who falls away: the award is taken again among the rest, and with nobody left the tender fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  type AwardingTender,
  chairRound,
  checkInAll,
  decideAndPublish,
  formAndFreeze,
  get,
  post,
  reachAwarding,
  voteRound,
} from './support.ts'

describe('POST tenders/{id}/winner-declined', () => {
  let t: TestApp
  let tender: AwardingTender
  let members: string[]
  const url = (path: string) => `/api/v1/tenders/${tender.tenderId}/${path}`
  const decline = () => post(t, 'purchaser', url('winner-declined'), { reason: '中标人书面放弃中标' })

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
    members = await formAndFreeze(t, tender.tenderId)
    await checkInAll(t, tender.tenderId, members)
  })
  afterEach(async () => t.close())

  it('goes back to awarding among the remaining candidates, then fails when none remain', async () => {
    const [a, b, c] = tender.candidates as [string, string, string]
    // given a won and was published; when a declines after its notice
    await decideAndPublish(t, tender.tenderId, members, a)
    expect((await post(t, 'purchaser', url('award-notice'))).status).toBe(201)
    const first = await decline()
    expect(first.status).toBe(200)
    // then the committee votes again from round 1 among b and c, with the same frozen dossiers
    let view = (await get(t, 'purchaser', url('award'))).body
    expect(view).toMatchObject({ state: 'awarding', round: 1, activeCandidates: [b, c], declinedBidIds: [a] })
    expect(view).toMatchObject({
      winnerBidId: null,
      noticeIssuedAt: null,
      roundStatus: 'pending',
      rounds: [{ status: 'pending', votedBy: [], complete: false }],
    })
    // the members' check-ins stand: the chair opens the new vote's first round
    expect(view.attendance.map((m: { status: string }) => m.status)).toEqual(members.map(() => 'checkedIn'))
    expect(view.next).toMatchObject({ action: 'OPEN_ROUND', by: 'chair' })
    expect((await get(t, 'purchaser', url('award/dossiers'))).status).toBe(200)
    await chairRound(t, tender.tenderId, members[0]!, 'open')
    const forA = await post(t, members[0]!, url('award/ballots'), { candidateBidId: a, reason: '仍选甲' })
    expect(forA.status).toBe(422)
    // when b wins and declines too, then c is the last one
    await decideAndPublish(t, tender.tenderId, members, b)
    expect((await decline()).status).toBe(200)
    view = (await get(t, 'purchaser', url('award'))).body
    expect(view.activeCandidates).toEqual([c])
    // and when c declines as well, the tender fails (流标)
    await decideAndPublish(t, tender.tenderId, members, c)
    const last = await decline()
    expect(last.status).toBe(200)
    expect(last.body.tender).toMatchObject({ state: 'failed', failureReason: 'noRemainingCandidates' })
  })

  it('needs a decided winner and a reason', async () => {
    expect((await decline()).status).toBe(409)
    const [a] = tender.candidates as [string]
    await voteRound(t, tender.tenderId, members, [a, a, a, a, a])
    const blank = await post(t, 'purchaser', url('winner-declined'), { reason: '' })
    expect(blank.status).toBe(400)
  })
})
