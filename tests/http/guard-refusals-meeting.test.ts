// Given an award meeting (定标会), when a member or the chair breaks a rule of its sitting (check-in,
// recusal, the chair's rounds, ballots), then the API answers the refusal the machine names: its code,
// and the rule's limit and source (the pack's awardQuorum where the quorum decides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cnNationalBidding as pack } from '../../src/rules/packs/cn-national-bidding.ts'
import {
  post as award,
  castBallots,
  chairRound,
  checkInAll,
  formAndFreeze,
  get,
  openMeeting,
  reachAwarding,
  userId,
  usernameOf,
} from '../award/support.ts'
import { driveTender } from '../support/drive.ts'
import { createDraft, eventCount, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { citation, expectRefusal } from './guard-refusals-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const url = (tenderId: string, path: string) => `/api/v1/tenders/${tenderId}/${path}`
const quorum = citation(pack.awardQuorum!)
const sitting = expect.stringContaining('the chair (组长) presides')
const attendance = expect.stringContaining('declares none at check-in')
const ballot = (candidateBidId: string | undefined) => ({ candidateBidId, reason: '综合比较后选择' })

describe('check-in and recusal', () => {
  it('names the attendance rules: once each, a recusal is final, no recusal while a round is open', async () => {
    const { tenderId } = await reachAwarding(t)
    const members = await formAndFreeze(t, tenderId)
    const [chair, second, third] = members as [string, string, string]
    expect((await award(t, second, url(tenderId, 'award/check-in'))).status).toBe(200)
    const twice = await award(t, second, url(tenderId, 'award/check-in'))
    expectRefusal(twice, { status: 409, code: 'already_checked_in', limit: 1, source: attendance })
    const reason = { reason: '本人曾在候选人单位任职' }
    expect((await award(t, third, url(tenderId, 'award/recusal'), reason)).status).toBe(200)
    const back = await award(t, third, url(tenderId, 'award/check-in'))
    expectRefusal(back, { status: 409, code: 'already_recused', limit: 1, source: attendance })
    const again = await award(t, third, url(tenderId, 'award/recusal'), reason)
    expectRefusal(again, { status: 409, code: 'already_recused', limit: 1, source: attendance })
    // a committee of the minimum size without one member misses the quorum: the round may not open
    await checkInAll(t, tenderId, [chair, ...members.slice(3)])
    const short = await award(t, chair, url(tenderId, 'award/rounds/1/open'))
    expectRefusal(short, { status: 422, code: 'quorum_not_met', ...quorum })
    expect(short.body).toMatchObject({ recused: [userId(third)], absent: [], checkedIn: 4 })
    expect(short.body.next).toMatchObject({ action: 'CANCEL', by: 'purchaser', rule: 'awardQuorum' })
  })

  it('refuses every further check-in once all are accounted for, and a recusal in an open round', async () => {
    const { tenderId } = await reachAwarding(t)
    const members = await openMeeting(t, tenderId, 7)
    const last = members[6]!
    const late = await award(t, last, url(tenderId, 'award/recusal'), { reason: '发现利害关系' })
    expectRefusal(late, { status: 409, code: 'round_open', limit: 'CLOSE_ROUND', source: attendance })
    const checked = await award(t, last, url(tenderId, 'award/check-in'))
    expectRefusal(checked, { status: 409, code: 'already_checked_in', limit: 1, source: attendance })
  })
})

describe('the chair’s rounds', () => {
  it('names the quorum, the dossiers, the round and the chair', async () => {
    const { tenderId, candidates } = await reachAwarding(t)
    const formed = await award(t, 'purchaser', url(tenderId, 'award/committee'))
    const members = (formed.body.result.members as string[]).map(usernameOf)
    const [chair, member] = members as [string, string]
    await checkInAll(t, tenderId, members)
    const unfrozen = await award(t, chair, url(tenderId, 'award/rounds/1/open'))
    expectRefusal(unfrozen, {
      status: 409,
      code: 'dossiers_not_frozen',
      limit: 'FREEZE_DOSSIERS',
      source: expect.stringContaining('REGULATIONS §5'),
    })
    expect((await award(t, 'purchaser', url(tenderId, 'award/dossiers/freeze'))).status).toBe(200)
    // a member, even one checked in, is not the chair; the purchaser neither
    for (const username of [member, 'purchaser']) {
      const notChair = await award(t, username, url(tenderId, 'award/rounds/1/open'))
      expect(notChair.status).toBe(403)
      expect(notChair.body.code).toBe('not_the_chair')
    }
    const ahead = await award(t, chair, url(tenderId, 'award/rounds/2/open'))
    expectRefusal(ahead, { status: 409, code: 'not_the_current_round', limit: 1, source: sitting })
    const early = await award(t, chair, url(tenderId, 'award/rounds/1/close'))
    expectRefusal(early, { status: 409, code: 'round_not_open', limit: 'OPEN_ROUND', source: sitting })
    expect((await award(t, chair, url(tenderId, 'award/rounds/1/open'))).status).toBe(200)
    const twice = await award(t, chair, url(tenderId, 'award/rounds/1/open'))
    expectRefusal(twice, { status: 409, code: 'round_already_open', limit: 'CLOSE_ROUND', source: sitting })
    await castBallots(
      t,
      tenderId,
      members.slice(0, 4),
      members.slice(0, 4).map(() => candidates[0]!),
    )
    const waiting = await award(t, chair, url(tenderId, 'award/rounds/1/close'))
    expectRefusal(waiting, { status: 422, code: 'ballots_outstanding', limit: 5, source: sitting })
    expect(waiting.body).toMatchObject({ round: 1, waitingFor: [userId(members[4]!)] })
    await castBallots(t, tenderId, members.slice(4), [candidates[1]!])
    expect((await award(t, chair, url(tenderId, 'award/rounds/1/close'))).status).toBe(200)
    const reopened = await award(t, chair, url(tenderId, 'award/rounds/1/open'))
    expectRefusal(reopened, { status: 409, code: 'round_closed', limit: 'START_REVOTE', source: sitting })
  })
})

describe('a recused chair, and a pack frozen before the sitting', () => {
  it('a chair who recused cannot open the round: chair_recused, citing the quorum', async () => {
    const { tenderId } = await reachAwarding(t)
    const members = await formAndFreeze(t, tenderId, 7)
    const [chair] = members as [string]
    expect(
      (await award(t, chair, url(tenderId, 'award/recusal'), { reason: '本人与候选人存在利害关系' })).status,
    ).toBe(200)
    await checkInAll(t, tenderId, members.slice(1))
    const refused = await award(t, chair, url(tenderId, 'award/rounds/1/open'))
    expectRefusal(refused, { status: 422, code: 'chair_recused', ...quorum })
    expect(refused.body).toMatchObject({ recused: [userId(chair)], checkedIn: 6 })
  })

  it('a tender published without awardQuorum keeps the old procedure: no check-in, ballots on the frozen dossiers', async () => {
    const { awardQuorum: _none, ...older } = pack
    const publishOlder = async (app: TestApp) => {
      const tenderId = await createDraft(app)
      const { deadline, awardFactors } = publishBody(app)
      const publish = {
        type: 'PUBLISH' as const,
        rulePack: older,
        deadline,
        evaluationMethod: 'comprehensive' as const,
        awardMethod: 'simpleMajority' as const,
        awardFactors,
      }
      await driveTender(app, tenderId, [publish], 'purchaser')
      return tenderId
    }
    const { tenderId, candidates } = await reachAwarding(t, undefined, { publish: publishOlder })
    const members = await formAndFreeze(t, tenderId)
    const checkIn = await award(t, members[1]!, url(tenderId, 'award/check-in'))
    expectRefusal(checkIn, {
      status: 422,
      code: 'sitting_not_declared',
      limit: 'none declared',
      source: expect.stringContaining('awardQuorum'),
    })
    const view = (await get(t, 'purchaser', url(tenderId, 'award'))).body
    expect(view).toMatchObject({ quorum: null, roundStatus: 'open', next: { action: 'CAST_BALLOT' } })
    await castBallots(
      t,
      tenderId,
      members,
      members.map(() => candidates[1]!),
    )
    const decided = await award(t, 'purchaser', url(tenderId, 'award/decision'), {
      winnerBidId: candidates[1],
      reasons: '全体委员一致',
    })
    expect(decided.status).toBe(200)
  })
})

describe('ballots', () => {
  it('before check-in: not_checked_in; before the round opens: round_not_open; after a recusal: member_recused', async () => {
    const { tenderId, candidates } = await reachAwarding(t)
    const members = await formAndFreeze(t, tenderId, 7)
    const [chair, second] = members as [string, string]
    const before = await eventCount(t)
    const unchecked = await award(t, second, url(tenderId, 'award/ballots'), ballot(candidates[0]))
    expectRefusal(unchecked, { status: 422, code: 'not_checked_in', limit: 'CHECK_IN', source: attendance })
    await checkInAll(t, tenderId, members.slice(0, 6))
    const unopened = await award(t, second, url(tenderId, 'award/ballots'), ballot(candidates[0]))
    expectRefusal(unopened, { status: 409, code: 'round_not_open', limit: 'OPEN_ROUND', source: sitting })
    expect(unopened.body).toMatchObject({ round: 1, roundStatus: 'pending' })
    // one absent member keeps the round closed until they check in or recuse
    const absent = await award(t, chair, url(tenderId, 'award/rounds/1/open'))
    expectRefusal(absent, { status: 422, code: 'quorum_not_met', ...quorum })
    expect(absent.body).toMatchObject({ absent: [userId(members[6]!)], checkedIn: 6 })
    expect(await eventCount(t)).toBe(before + 6)
    expect(
      (await award(t, members[6]!, url(tenderId, 'award/recusal'), { reason: '近亲属任职' })).status,
    ).toBe(200)
    await chairRound(t, tenderId, chair, 'open')
    const recused = await award(t, members[6]!, url(tenderId, 'award/ballots'), ballot(candidates[0]))
    expectRefusal(recused, { status: 422, code: 'member_recused', limit: 'CHECK_IN', source: attendance })
    // the six present vote and the chair closes: six ballots in the tally
    await castBallots(
      t,
      tenderId,
      members.slice(0, 6),
      members.slice(0, 6).map(() => candidates[2]!),
    )
    await chairRound(t, tenderId, chair, 'close')
    const view = (await get(t, 'purchaser', url(tenderId, 'award'))).body
    expect(view.rounds[0].tally).toEqual([
      { bidId: candidates[0], votes: 0 },
      { bidId: candidates[1], votes: 0 },
      { bidId: candidates[2], votes: 6 },
    ])
  })

  it('in another tender’s meeting: 403 not_on_committee, nothing recorded', async () => {
    // member9 sat on tender B's evaluation committee, so B's award pool leaves them out
    await t.database.db
      .updateTable('users')
      .set({ roles: ['award_member', 'expert'] })
      .where('id', '=', userId('member9'))
      .execute()
    try {
      const experts = ['member9', 'expert1', 'expert2', 'expert3', 'expert4'].map(userId)
      const a = await reachAwarding(t)
      const b = await reachAwarding(t, experts)
      await openMeeting(t, a.tenderId, 9)
      const bMembers = await openMeeting(t, b.tenderId, 7)
      expect(bMembers).not.toContain('member9')
      const before = await eventCount(t)
      for (const path of ['award/check-in', 'award/ballots', 'award/rounds/1/close']) {
        const body = path === 'award/ballots' ? ballot(b.candidates[0]) : {}
        const res = await award(t, 'member9', url(b.tenderId, path), body)
        expect(res.status, path).toBe(403)
      }
      const foreign = await award(t, 'member9', url(b.tenderId, 'award/ballots'), ballot(b.candidates[0]))
      expect(foreign.body.code).toBe('not_on_committee')
      expect(await eventCount(t)).toBe(before)
    } finally {
      await t.database.db
        .updateTable('users')
        .set({ roles: ['award_member'] })
        .where('id', '=', userId('member9'))
        .execute()
    }
  })
})
