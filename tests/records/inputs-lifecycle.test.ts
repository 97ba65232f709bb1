// What each record says, gathered from a tender's events up to the certified one: the opening, the
// evaluation, every ballot of the award by round, the notices and the replay summary; the same input
// later as at the time; and a request whose certified event is not the recorded one is refused.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { loadRecordInput } from '../../src/records/inputs/load-record-input.ts'
import type { RecordRequest } from '../../src/records/record-types.ts'
import type { RecordInputOf } from '../../templates/pdf/record-input.ts'
import type { RecordType } from '../../templates/pdf/record-kinds.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type CompletedTender, driveCompletedTender, requestFor } from './render-fixtures.ts'

let t: TestApp
let tender: CompletedTender
let openingAtTheTime: unknown
beforeAll(async () => {
  t = await startTestApp()
  tender = await driveCompletedTender(t, {
    afterOpen: async (tenderId) => {
      openingAtTheTime = await loadRecordInput(t.database.db, await requestFor(t, tenderId, 'opening_record'))
    },
  })
})
afterAll(() => t.close())

async function load<T extends RecordType>(type: T, recipientOrgId: string | null = null) {
  const request = await requestFor(t, tender.tenderId, type, recipientOrgId)
  return (await loadRecordInput(t.database.db, request)) as RecordInputOf<T>
}

const nameOf = (userId: string) => DEMO_USERS.find((u) => u.id === userId)!.displayName

describe('record inputs of a completed tender', () => {
  it('opening record: every bid with price and outcome, the committed bid set and the times', async () => {
    const input = await load('opening_record')
    expect(input.tender).toEqual({
      tenderId: tender.tenderId,
      title: '南海区桂澜路市政道路改造工程施工',
      reference: 'NHSZ-2026-018',
    })
    expect(input.bidCount).toBe(5)
    expect(input.bidSetHash).toBe('b'.repeat(64))
    expect(input.bids.map((b) => [b.bidId, b.outcome, b.priceFen])).toEqual([
      [tender.bidIds[0], 'opened', '3800000000'],
      [tender.bidIds[1], 'opened', '3650000012'],
      [tender.bidIds[2], 'opened', '3720000000'],
      [tender.bidIds[3], 'opened', '3900000000'],
      [tender.bidIds[4], 'decryptFailedBidder', null],
    ])
    expect(input.bids[0]!.bidder).toMatchObject({
      orgId: tender.bidderOrgIds[0],
      name: expect.stringContaining('有限公司'),
    })
    expect(input.bids[0]!.bidder.uscc).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
    expect(input.closedAt).not.toBeNull()
    expect(input.particulars.purchaserName).toContain('佛山市南海区')
    // Read again after the whole lifecycle, it says exactly what it said right after the opening.
    expect(input).toEqual(openingAtTheTime)
  })

  it('evaluation report: committee with draw proof, declarations, scores, rejection, candidates, dissent', async () => {
    const input = await load('evaluation_report')
    expect(input.committee.map((p) => p.userId)).toEqual(tender.experts)
    expect(input.committee[0]!.name).toBe(nameOf(tender.experts[0]!))
    expect(input.draw).toMatchObject({ poolSize: 5, secret: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(input.declarations).toHaveLength(5)
    expect(input.declarations[0]!.statement).toBe('本人与各投标人均无利害关系')
    expect(input.rejections).toEqual([
      expect.objectContaining({
        bidId: tender.bidIds[3],
        expert: expect.objectContaining({ userId: tender.experts[1] }),
      }),
    ])
    expect(input.rejections[0]!.ground).toContain('工期不满足')
    const third = input.bids[2]!
    expect(third.scores).toEqual(['84.50', '85.50', '86.50', '87.50', '88.50'])
    expect(third.summary).toEqual({ count: 5, mean: '86.50', min: '84.50', max: '88.50' })
    expect(input.bids[3]).toMatchObject({ rejected: true, scores: [null, null, null, null, null] })
    expect(input.candidates.map((c) => c.bidId)).toEqual(tender.bidIds.slice(0, 3))
    expect(input.dissent).toEqual([
      { expert: expect.objectContaining({ userId: tender.experts[4] }), opinion: expect.any(String) },
    ])
    expect(input.summary).toContain('三名定标候选人')
  })

  it('award report: attendance, both rounds with every ballot, tallies, the re-vote, the decision and its reasons', async () => {
    const input = await load('award_report')
    const [a, b, c] = tender.bidIds as [string, string, string]
    expect(input.committee).toHaveLength(5)
    expect(input.committee.filter((m) => m.chair)).toHaveLength(1)
    expect(input.draw?.poolSize).toBe(9)
    expect(input.dossierHash).toMatch(/^[0-9a-f]{64}$/)
    expect(input.rounds.map((r) => [r.vote, r.round, r.activeCandidates, r.ballots.length])).toEqual([
      [1, 1, [a, b, c], 5],
      [1, 2, [a, b], 5],
    ])
    expect(input.rounds[0]!.tally).toEqual([
      { bidId: a, votes: 2 },
      { bidId: b, votes: 2 },
      { bidId: c, votes: 1 },
    ])
    expect(input.rounds[1]!.tally).toEqual([
      { bidId: a, votes: 2 },
      { bidId: b, votes: 3 },
    ])
    expect(input.rounds[0]!.ballots[4]).toMatchObject({ candidateBidId: c, reason: '委员5：综合比较后选择' })
    expect(input.revotes).toHaveLength(1)
    // every member checked in with the declaration of no conflict; the chair opened and closed each round
    expect(input.quorum).toEqual({ value: 5, source: expect.stringContaining('REGULATIONS §5.1') })
    expect(input.attendance.map((a) => [a.status, a.chair])).toEqual([
      ['checkedIn', true],
      ['checkedIn', false],
      ['checkedIn', false],
      ['checkedIn', false],
      ['checkedIn', false],
    ])
    expect(input.attendance.every((a) => a.at !== null)).toBe(true)
    expect(input.declarations.map((d) => d.eventType)).toEqual(input.committee.map(() => 'CHECK_IN'))
    expect(input.declarations[0]!.statement).toContain('利害关系')
    for (const round of input.rounds) {
      expect(round.openedAt).not.toBeNull()
      expect(Date.parse(round.closedAt!)).toBeGreaterThanOrEqual(Date.parse(round.openedAt!))
    }
    expect(input.winner).toMatchObject({ bidId: b, priceFen: '3650000012' })
    expect(input.reasons).toContain('报价合理')
    expect(input.decidedBy?.name).toBe('招标人经办人 陈志远')
    expect(input.decidedAs).toBe('purchaser')
    expect(input.decisionBasis).toEqual({ by: 'votes' })
    // The dossiers' freeze took one credit snapshot per candidate (FREEZE_DOSSIERS' creditSnapshotIds).
    expect(input.creditSnapshots.map((c) => [c.eventType, c.bidId])).toEqual([
      ['FREEZE_DOSSIERS', a],
      ['FREEZE_DOSSIERS', b],
      ['FREEZE_DOSSIERS', c],
    ])
    for (const ref of input.creditSnapshots) {
      expect(ref.bidder?.uscc).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
      expect(ref.snapshot).toMatchObject({
        uscc: ref.bidder?.uscc,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        outcome: expect.stringMatching(/^(clear|flag|refuse|unavailable)$/),
      })
    }
    expect(input.particulars.awardFactors).toEqual(['投标报价', '企业信用'])
  })

  it('award notice to the winner and result notice to a rejected bidder', async () => {
    const notice = await load('award_notice', tender.bidderOrgIds[1]!)
    expect(notice).toMatchObject({
      recipient: { orgId: tender.bidderOrgIds[1] },
      bidId: tender.winnerBidId,
      priceFen: '3650000012',
      noticeId: expect.stringMatching(/^ntc_/),
      contractDueAt: expect.any(String),
    })
    const loser = await load('unsuccessful_notice', tender.bidderOrgIds[3]!)
    expect(loser.ownBids).toEqual([{ bidId: tender.bidIds[3], priceFen: '3900000000', outcome: 'rejected' }])
    expect(loser.winner.orgId).toBe(tender.bidderOrgIds[1])
    const failed = await load('unsuccessful_notice', tender.bidderOrgIds[4]!)
    expect(failed.ownBids[0]!.outcome).toBe('decryptFailedBidder')
    const other = await load('unsuccessful_notice', tender.bidderOrgIds[0]!)
    expect(other.ownBids[0]!.outcome).toBe('notSelected')
  })

  it('replay certificate: counts, times, chain head, final state and a clean replay', async () => {
    const input = await load('replay_certificate')
    const events = await readStream(t.database.db, tenderStreamId(tender.tenderId))
    expect(input.eventCount).toBe(events.length)
    expect(input.head).toEqual({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash })
    expect(input.eventTypes[0]).toEqual({ type: 'TENDER_CREATED', count: 1 })
    expect(input.eventTypes.find((e) => e.type === 'CAST_BALLOT')?.count).toBe(10)
    expect(input.eventTypes.reduce((sum, e) => sum + e.count, 0)).toBe(events.length)
    expect(input.firstAt).toBe(events[0]!.recordedAt)
    expect(input.finalState).toBe('completed')
    expect(input).toMatchObject({ chainOk: true, replayOk: true, replayProblem: null })
    expect(input.draws.map((d) => [d.type, d.ok])).toEqual([
      ['DRAW_EXPERTS', true],
      ['FORM_AWARD_COMMITTEE', true],
    ])
  })

  it('stops at the certified event: a replay certificate of an earlier event summarises only up to it', async () => {
    const request = await requestFor(t, tender.tenderId, 'opening_record')
    const input = await loadRecordInput(t.database.db, { ...request, type: 'replay_certificate' })
    if (input.type !== 'replay_certificate') throw new Error('wrong input type')
    expect(input.eventCount).toBe(request.certified.seq)
    expect(input.finalState).toBe('evaluation')
  })

  it('refuses a request whose certified event is not the recorded one or not the right type', async () => {
    const request = await requestFor(t, tender.tenderId, 'evaluation_report')
    const forged: RecordRequest = { ...request, certified: { ...request.certified, hash: 'f'.repeat(64) } }
    await expect(loadRecordInput(t.database.db, forged)).rejects.toMatchObject({
      code: 'certified_event_mismatch',
    })
    const misplaced: RecordRequest = { ...request, type: 'award_report' }
    await expect(loadRecordInput(t.database.db, misplaced)).rejects.toMatchObject({
      code: 'certified_event_mismatch',
    })
    const beyond: RecordRequest = { ...request, certified: { ...request.certified, seq: 10_000 } }
    await expect(loadRecordInput(t.database.db, beyond)).rejects.toMatchObject({
      code: 'certified_event_mismatch',
    })
  })
})
