// Given a tender in bidding, when questions, amendments, objections and the close arrive.
import { describe, expect, it } from 'vitest'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, DEADLINE, ev, step, T } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

const amend = (at: string, newDeadline: string | null, amendmentId = 'a1'): TenderEvent => ({
  type: 'AMEND',
  at,
  amendmentId,
  summary: '修改工期',
  newDeadline,
})

describe('bidding: questions', () => {
  it('records a question before the deadline and its answer', () => {
    const asked = step(given.bidding(), { type: 'QUESTION_ASKED', at: T(3), questionId: 'q1' })
    expect(asked.context.questions).toEqual([{ questionId: 'q1', answered: false }])
    const answered = step(asked, { type: 'QUESTION_ANSWERED', at: T(4), questionId: 'q1' })
    expect(answered.context.questions).toEqual([{ questionId: 'q1', answered: true }])
    expect(accepts(answered, { type: 'QUESTION_ANSWERED', at: T(5), questionId: 'q1' })).toBe(false)
  })

  it('refuses questions at the deadline, repeated ids and answers to unknown questions', () => {
    const bidding = given.bidding()
    expect(accepts(bidding, { type: 'QUESTION_ASKED', at: DEADLINE, questionId: 'q1' })).toBe(false)
    const asked = step(bidding, { type: 'QUESTION_ASKED', at: T(3), questionId: 'q1' })
    expect(accepts(asked, { type: 'QUESTION_ASKED', at: T(3), questionId: 'q1' })).toBe(false)
    expect(accepts(bidding, { type: 'QUESTION_ANSWERED', at: T(4), questionId: 'q9' })).toBe(false)
  })
})

describe('bidding: AMEND (法 Art 23, 15 days)', () => {
  it('accepts an amendment ≥15 days before the deadline without moving it, or moving it later', () => {
    expect(step(given.bidding(), amend(T(6), null)).context.deadline).toBe(DEADLINE)
    expect(step(given.bidding(), amend(T(6), T(22))).context.deadline).toBe(T(22))
    expect(accepts(given.bidding(), amend(T(6), T(20)))).toBe(false)
  })

  it('requires a late amendment to move the deadline to ≥15 days after it', () => {
    const bidding = given.bidding()
    expect(accepts(bidding, amend(T(10), null))).toBe(false)
    expect(accepts(bidding, amend(T(10), T(24)))).toBe(false)
    expect(step(bidding, amend(T(10), T(25))).context.deadline).toBe(T(25))
  })

  it('refuses an amendment at or after the deadline, a repeated id and a blank summary', () => {
    expect(accepts(given.bidding(), amend(DEADLINE, T(40)))).toBe(false)
    const once = step(given.bidding(), amend(T(1), null))
    expect(accepts(once, amend(T(2), null))).toBe(false)
    expect(accepts(given.bidding(), { ...amend(T(1), null), summary: '' } as TenderEvent)).toBe(false)
  })
})

describe('bidding: EXTEND_DEADLINE', () => {
  const extend = (at: string, newDeadline: string, reason = '答疑较多'): TenderEvent => ({
    type: 'EXTEND_DEADLINE',
    at,
    newDeadline,
    reason,
  })

  it('moves the deadline later before it passes', () => {
    expect(step(given.bidding(), extend(T(20), T(25))).context.deadline).toBe(T(25))
  })

  it('refuses an earlier deadline, an extension after the deadline and a blank reason', () => {
    const bidding = given.bidding()
    expect(accepts(bidding, extend(T(5), T(21)))).toBe(false)
    expect(accepts(bidding, extend(DEADLINE, T(25)))).toBe(false)
    expect(accepts(bidding, extend(T(5), T(25), ''))).toBe(false)
  })
})

describe('bidding: objections to the documents (条例 Art 22, 10 days)', () => {
  it('accepts one up to 10 days before the deadline and holds the tender until answered', () => {
    const raised = step(given.bidding(), ev.objection('o1', 'documents', T(11)))
    expect(raised.context.pendingObjections).toEqual([{ objectionId: 'o1', stage: 'documents' }])
    expect(accepts(raised, ev.close())).toBe(false)
    for (const upheld of [true, false]) {
      const answered = step(raised, ev.answer('o1', upheld, T(12)))
      expect(tenderStateOf(answered)).toBe('bidding')
      expect(answered.context.pendingObjections).toEqual([])
      expect(accepts(answered, ev.close())).toBe(true)
    }
  })

  it('refuses a late objection, another stage, a repeated pending id and answers to unknown ids', () => {
    const bidding = given.bidding()
    expect(accepts(bidding, ev.objection('o1', 'documents', T(11, 1)))).toBe(false)
    expect(accepts(bidding, ev.objection('o1', 'opening', T(2)))).toBe(false)
    const raised = step(bidding, ev.objection('o1', 'documents', T(2)))
    expect(accepts(raised, ev.objection('o1', 'documents', T(3)))).toBe(false)
    expect(accepts(raised, ev.answer('o2', false, T(3)))).toBe(false)
  })

  it('still takes questions and amendments while held', () => {
    const raised = step(given.bidding(), ev.objection('o1', 'documents', T(2)))
    expect(accepts(raised, { type: 'QUESTION_ASKED', at: T(3), questionId: 'q1' })).toBe(true)
    expect(accepts(raised, amend(T(3), null))).toBe(true)
  })
})

describe('bidding: CLOSE_BIDDING (法 Art 28)', () => {
  it('refuses to close before the deadline, with a bad count or without the bid-set hash', () => {
    const bidding = given.bidding()
    expect(accepts(bidding, ev.close(4, T(20, 23)))).toBe(false)
    expect(accepts(bidding, ev.close(-1))).toBe(false)
    expect(accepts(bidding, ev.close(2.5))).toBe(false)
    expect(accepts(bidding, { type: 'CLOSE_BIDDING', at: DEADLINE, bidCount: 4, bidSetHash: '' })).toBe(false)
  })

  it('opens with at least the minimum bids', () => {
    const next = step(given.bidding(), ev.close(3))
    expect(tenderStateOf(next)).toBe('opening')
    expect(next.context).toMatchObject({ bidCount: 3, bidSetHash: 'h', failureReason: null })
  })

  it('fails (流标) with fewer than the minimum bids', () => {
    const next = step(given.bidding(), ev.close(2, T(22)))
    expect(tenderStateOf(next)).toBe('failed')
    expect(next.status).toBe('done')
    expect(next.context).toMatchObject({ bidCount: 2, failureReason: 'insufficientBids' })
  })
})
