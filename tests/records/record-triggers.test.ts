// Which events call for which records, on every path that appends them: the pure rule for each
// trigger and end state, and the timer's CLOSE_BIDDING that fails a tender (流标) enqueuing its replay
// certificate in the same transaction as the event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChainedEvent } from '../../src/events/hash-chain.ts'
import { recordsCalledFor } from '../../src/records/records-due.ts'
import { pendingRecordJobs } from '../../src/records/records-outbox.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { TenderState } from '../../state-machines/tender.machine.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { deadlineOf, stateOf, tick } from '../timers/support.ts'

const event = (type: string, seq = 7): ChainedEvent => ({
  streamId: 'tender-tnd_1',
  seq,
  type,
  data: {},
  meta: {},
  recordedAt: '2026-03-02T01:30:00.000Z',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
})

const context: Pick<TenderContext, 'tenderId' | 'openedBids' | 'winnerBidId'> = {
  tenderId: 'tnd_1',
  winnerBidId: 'bid_2',
  openedBids: [
    { bidId: 'bid_1', bidderOrgId: 'org_a', outcome: 'opened', priceFen: '100' },
    { bidId: 'bid_2', bidderOrgId: 'org_b', outcome: 'opened', priceFen: '90' },
    { bidId: 'bid_3', bidderOrgId: 'org_c', outcome: 'decryptFailedBidder', priceFen: null },
  ],
}

const due = (type: string, before: TenderState, after: TenderState) =>
  recordsCalledFor(event(type), before, after, context).map((r) => [r.type, r.recipientOrgId])

describe('the records an event calls for', () => {
  it('one per trigger', () => {
    expect(due('OPEN', 'opening', 'evaluation')).toEqual([['opening_record', null]])
    expect(due('SUBMIT_REPORT', 'evaluation', 'candidatePublicity')).toEqual([['evaluation_report', null]])
    expect(due('DECIDE', 'awarding', 'resultPublicity')).toEqual([['award_report', null]])
    expect(due('CAST_BALLOT', 'awarding', 'awarding')).toEqual([])
    expect(due('END_PUBLICITY', 'resultPublicity', 'awarded')).toEqual([])
  })

  it('the award notice to the winner and a notice to every other bidder, whatever its bid became', () => {
    expect(due('ISSUE_AWARD_NOTICE', 'awarded', 'awarded')).toEqual([
      ['award_notice', 'org_b'],
      ['unsuccessful_notice', 'org_a'],
      ['unsuccessful_notice', 'org_c'],
    ])
  })

  it('the replay certificate on entering any final state, with the record of the event that got there', () => {
    expect(due('CONTRACT_SIGNED', 'awarded', 'completed')).toEqual([['replay_certificate', null]])
    expect(due('CANCEL', 'draft', 'cancelled')).toEqual([['replay_certificate', null]])
    expect(due('CLOSE_BIDDING', 'bidding', 'failed')).toEqual([['replay_certificate', null]])
    expect(due('OPEN', 'opening', 'failed')).toEqual([
      ['opening_record', null],
      ['replay_certificate', null],
    ])
    expect(due('SUBMIT_REPORT', 'evaluation', 'failed')).toEqual([
      ['evaluation_report', null],
      ['replay_certificate', null],
    ])
    expect(due('WINNER_DECLINED', 'awarded', 'failed')).toEqual([['replay_certificate', null]])
  })

  it('certifies the event itself: seq, hash, type and time', () => {
    const [request] = recordsCalledFor(event('OPEN', 12), 'opening', 'evaluation', context)
    expect(request).toEqual({
      tenderId: 'tnd_1',
      type: 'opening_record',
      recipientOrgId: null,
      certified: {
        streamId: 'tender-tnd_1',
        seq: 12,
        hash: 'a'.repeat(64),
        type: 'OPEN',
        recordedAt: '2026-03-02T01:30:00.000Z',
      },
    })
  })
})

describe('a tender failed by the close-bidding timer', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t?.close())

  it('has its replay certificate enqueued with the CLOSE_BIDDING event', async () => {
    const tenderId = await createPublished(t)
    expect(await pendingRecordJobs(t.database.db, tenderId)).toEqual([])
    t.clock.set(new Date(Date.parse(await deadlineOf(t, tenderId)) + 1000))
    await tick(t)
    expect(await stateOf(t, tenderId)).toBe('failed')
    const jobs = await pendingRecordJobs(t.database.db, tenderId)
    expect(jobs.map((job) => [job.request.type, job.request.certified.type])).toEqual([
      ['replay_certificate', 'CLOSE_BIDDING'],
    ])
  })
})
