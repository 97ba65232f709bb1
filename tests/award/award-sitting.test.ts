// The award meeting's read model through its sitting: per member checked in (with the declaration), recused
// (with the reason) or absent, and when; the quorum; each round's status; what the meeting needs next and
// from whom; and each reader's own part: attendance, ballot this round, receipts, and the actions the
// machine would take from them now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cnNationalBidding as pack } from '../../src/rules/packs/cn-national-bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  type AwardingTender,
  castBallots,
  chairRound,
  checkInAll,
  formAndFreeze,
  get,
  post,
  reachAwarding,
  userId,
} from './support.ts'

describe('GET tenders/{id}/award through the sitting', () => {
  let t: TestApp
  let tender: AwardingTender
  let members: string[]
  const base = () => `/api/v1/tenders/${tender.tenderId}/award`
  const view = async (username: string) => (await get(t, username, base())).body

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
    members = await formAndFreeze(t, tender.tenderId, 7)
  })
  afterEach(async () => t.close())

  it('shows who is present, recused or absent, the quorum, and what each reader may do', async () => {
    const [chair, first, second] = members as [string, string, string]
    // given nobody has checked in yet
    let purchaser = await view('purchaser')
    expect(purchaser.attendance).toHaveLength(7)
    expect(purchaser.attendance[0]).toMatchObject({
      userId: userId(chair),
      chair: true,
      status: 'absent',
      at: null,
    })
    expect(purchaser.quorum).toMatchObject({
      rule: 'awardQuorum',
      limit: pack.awardQuorum!.value,
      source: pack.awardQuorum!.source,
      checkedIn: 0,
      recused: 0,
      absent: 7,
      met: false,
      refusal: { code: 'quorum_not_met' },
    })
    expect(purchaser.next).toMatchObject({
      action: 'CHECK_IN',
      by: 'members',
      waitingFor: members.map(userId),
    })
    expect(purchaser).toMatchObject({
      roundStatus: 'pending',
      me: { part: 'purchaser', attendance: null, actions: [] },
    })
    expect(purchaser.checkInStatement).toContain('利害关系')
    const absent = await view(first)
    expect(absent.me).toEqual({
      userId: userId(first),
      part: 'member',
      attendance: 'absent',
      votedThisRound: null,
      receipts: [],
      actions: ['CHECK_IN', 'RECUSE'],
    })
    // when one member checks in in their own words, another recuses, and the rest check in
    const statement = '本人与三家定标候选人均无任何利害关系'
    const checkedIn = await post(t, first, `${base()}/check-in`, { statement })
    expect(checkedIn.status).toBe(200)
    const recusal = await post(t, second, `${base()}/recusal`, { reason: '本人配偶在候选人单位任职' })
    expect(recusal.status).toBe(200)
    await checkInAll(t, tender.tenderId, [chair, ...members.slice(3)])
    // then the attendance says so, with the times and the texts
    purchaser = await view('purchaser')
    expect(purchaser.attendance[1]).toEqual({
      userId: userId(first),
      displayName: expect.any(String),
      chair: false,
      status: 'checkedIn',
      at: checkedIn.body.event.recordedAt,
      statement,
      reason: null,
    })
    expect(purchaser.attendance[2]).toMatchObject({
      status: 'recused',
      at: recusal.body.event.recordedAt,
      reason: '本人配偶在候选人单位任职',
    })
    expect(purchaser.attendance[0].statement).toBe(purchaser.checkInStatement)
    expect(purchaser.quorum).toMatchObject({ checkedIn: 6, recused: 1, absent: 0, met: true, refusal: null })
    expect(purchaser.next).toMatchObject({ action: 'OPEN_ROUND', by: 'chair' })
    expect((await view(chair)).me).toMatchObject({
      part: 'chair',
      attendance: 'checkedIn',
      actions: ['RECUSE', 'OPEN_ROUND'],
    })
    expect((await view(second)).me).toMatchObject({
      attendance: 'recused',
      votedThisRound: null,
      actions: [],
    })
    // when the chair opens round 1, the members present may vote, and the recused may not
    await chairRound(t, tender.tenderId, chair, 'open')
    expect((await view(first)).me).toMatchObject({ votedThisRound: false, actions: ['CAST_BALLOT'] })
    expect((await view(second)).me.actions).toEqual([])
    const present = [chair, first, ...members.slice(3)]
    await castBallots(t, tender.tenderId, [first], [tender.candidates[0]!])
    const voted = await view(first)
    expect(voted.me).toMatchObject({ votedThisRound: true, actions: [] })
    expect(voted.me.receipts).toEqual([
      {
        round: 1,
        seq: expect.any(Number),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        code: expect.any(String),
        castAt: expect.any(String),
      },
    ])
    // the receipt finds the ballot in the hash chain while its content stays withheld
    const [receipt] = voted.me.receipts
    const events = (await get(t, 'auditor', `/api/v1/tenders/${tender.tenderId}/history`)).body.events
    const recorded = events.find((e: { seq: number }) => e.seq === receipt.seq)
    expect(recorded).toMatchObject({ type: 'CAST_BALLOT', hash: receipt.hash, data: { withheld: true } })
    expect(receipt.code).toBe(`${receipt.seq}-${receipt.hash.slice(0, 12)}`)
    // when everyone present has voted, the chair may close; after the close, the chair or the purchaser decides
    await castBallots(
      t,
      tender.tenderId,
      present.filter((m) => m !== first),
      present.slice(1).map(() => tender.candidates[0]!),
    )
    const complete = await view(chair)
    expect(complete.me.actions).toEqual(['CLOSE_ROUND'])
    expect(complete.allowedEvents).toContain('CLOSE_ROUND')
    expect(complete.allowedEvents).not.toContain('DECIDE')
    await chairRound(t, tender.tenderId, chair, 'close')
    const closed = await view(chair)
    expect(closed).toMatchObject({
      roundStatus: 'closed',
      next: { action: 'DECIDE', by: 'chairOrPurchaser', winner: tender.candidates[0] },
    })
    expect(closed.me.actions).toEqual(['RECUSE', 'DECIDE'])
    expect((await view('purchaser')).me.actions).toEqual(['DECIDE'])
    expect((await view('supervisor')).me).toMatchObject({ part: 'oversight', actions: [] })
  })
})

describe('GET /api/v1/meetings', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await startTestApp()
  })
  afterEach(async () => t.close())

  const meetings = async (username: string) => {
    const res = await get(t, username, '/api/v1/meetings')
    expect(res.status).toBe(200)
    return res.body.items as { tenderId: string; part: string; state: string; attendance: string | null }[]
  }

  it('lists the meetings of committee members, the purchaser and supervisors, in awarding and result publicity', async () => {
    const first = await reachAwarding(t)
    const second = await reachAwarding(t)
    const members = await formAndFreeze(t, first.tenderId)
    const [chair, member] = members as [string, string]
    const outsider = ['member1', 'member2', 'member3', 'member4', 'member5', 'member6'].find(
      (m) => !members.includes(m),
    )!
    await post(t, member, `/api/v1/tenders/${first.tenderId}/award/check-in`)
    // a member sees the meeting they were drawn for, as member or chair, with their attendance
    expect(await meetings(member)).toEqual([
      expect.objectContaining({
        tenderId: first.tenderId,
        part: 'member',
        state: 'awarding',
        attendance: 'checkedIn',
        votedThisRound: false,
      }),
    ])
    expect(await meetings(chair)).toEqual([
      expect.objectContaining({
        tenderId: first.tenderId,
        part: 'chair',
        attendance: 'absent',
        next: expect.objectContaining({ action: 'CHECK_IN', by: 'members' }),
      }),
    ])
    expect(await meetings(outsider)).toEqual([])
    // the purchaser and the supervisor see both tenders' meetings; others none
    for (const username of ['purchaser', 'supervisor']) {
      const ids = (await meetings(username)).map((m) => m.tenderId)
      expect(ids.sort()).toEqual([first.tenderId, second.tenderId].sort())
    }
    expect((await meetings('supervisor'))[0]).toMatchObject({ part: 'supervisor', attendance: null })
    for (const username of ['bidder1', 'expert1', 'auditor']) expect(await meetings(username)).toEqual([])
    // paging
    expect((await get(t, 'purchaser', '/api/v1/meetings?limit=1')).body.items).toHaveLength(1)
    expect((await get(t, 'purchaser', '/api/v1/meetings?limit=1&offset=2')).body.items).toEqual([])
  })
})
