// The award report (定标报告) records the meeting's sitting: the quorum the pack declared, every drawn
// member's attendance (checked in, recused), each check-in's declaration and each recusal's reason, when
// the chair opened and closed each round, and that the chair took the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRecordInput } from '../../src/records/inputs/load-record-input.ts'
import { recordIdFor } from '../../src/records/record-types.ts'
import { renderRecordPdf } from '../../src/records/render/render-record.ts'
import { cnNationalBidding as pack } from '../../src/rules/packs/cn-national-bidding.ts'
import type { AwardReportInput } from '../../templates/pdf/record-input.ts'
import {
  castBallots,
  chairRound,
  checkInAll,
  formAndFreeze,
  post,
  reachAwarding,
  userId,
} from '../award/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { requestFor } from './render-fixtures.ts'
import { pdfPageTexts } from './render-pdf-text.ts'

const RECUSAL = '本人近亲属在候选人单位担任项目负责人'
const STATEMENT = '本人与各定标候选人无利害关系，承诺公正定标'

let t: TestApp
let members: string[]
let input: AwardReportInput
let text: string
beforeAll(async () => {
  t = await startTestApp()
  const { tenderId, candidates } = await reachAwarding(t)
  members = await formAndFreeze(t, tenderId, 7)
  const url = (path: string) => `/api/v1/tenders/${tenderId}/award/${path}`
  expect((await post(t, members[6]!, url('recusal'), { reason: RECUSAL })).status).toBe(200)
  expect((await post(t, members[1]!, url('check-in'), { statement: STATEMENT })).status).toBe(200)
  await checkInAll(t, tenderId, [members[0]!, ...members.slice(2, 6)])
  const present = members.slice(0, 6)
  await chairRound(t, tenderId, members[0]!, 'open')
  await castBallots(
    t,
    tenderId,
    present,
    [0, 0, 0, 0, 1, 2].map((i) => candidates[i]!),
  )
  await chairRound(t, tenderId, members[0]!, 'close')
  const decided = await post(t, members[0]!, url('decision'), {
    winnerBidId: candidates[0],
    reasons: '六名到会委员中四票选定该候选人',
  })
  expect(decided.status).toBe(200)
  const request = await requestFor(t, tenderId, 'award_report')
  const loaded = await loadRecordInput(t.database.db, request)
  if (loaded.type !== 'award_report') throw new Error('not an award report')
  input = loaded
  const pdf = await renderRecordPdf(input, { recordId: recordIdFor(request), request })
  text = pdfPageTexts(pdf).join('\n').replace(/\s+/g, '')
})
afterAll(() => t.close())

describe('the award report of a meeting with a recusal', () => {
  it('says who checked in, who recused and why, against the declared quorum', () => {
    expect(input.quorum).toEqual({ value: pack.awardQuorum!.value, source: pack.awardQuorum!.source })
    expect(input.attendance.map((a) => [a.member.userId, a.status])).toEqual(
      members.map((m, i) => [userId(m), i === 6 ? 'recused' : 'checkedIn']),
    )
    expect(input.attendance[0]).toMatchObject({ chair: true, at: expect.any(String) })
    const recusal = input.declarations.find((d) => d.eventType === 'RECUSE')
    expect(recusal).toMatchObject({ member: { userId: userId(members[6]!) }, statement: RECUSAL })
    const own = input.declarations.find((d) => d.member.userId === userId(members[1]!))
    expect(own).toMatchObject({ eventType: 'CHECK_IN', statement: STATEMENT })
    expect(input.declarations).toHaveLength(7)
  })

  it('counts the six ballots of the members present, in a round the chair opened and closed', () => {
    expect(input.rounds).toHaveLength(1)
    const [round] = input.rounds
    expect(round!.ballots.map((b) => b.member.userId)).toEqual(members.slice(0, 6).map(userId))
    expect(round!.tally.map((row) => row.votes)).toEqual([4, 1, 1])
    expect(round!.openedAt).not.toBeNull()
    expect(round!.closedAt).not.toBeNull()
    expect(input.decidedAs).toBe('chair')
    expect(input.decidedBy?.userId).toBe(userId(members[0]!))
  })

  it('prints the attendance, the recusal and its reason, the quorum and the chair’s decision', () => {
    for (const words of [
      '签到、回避与出席',
      '定标会法定人数',
      `签到委员不少于${pack.awardQuorum!.value}人`,
      '已签到',
      '申请回避',
      RECUSAL,
      STATEMENT,
      '主任结束本轮并唱票',
      '（定标委员会主任）',
    ]) {
      expect(text, words).toContain(words.replace(/\s+/g, ''))
    }
  })
})
