// Given a tender's state, which timers it should have (pure): bidding closes at the deadline, publicity
// ends at its end time, a held tender has none; a plan creates, moves and settles the pending rows.
import { describe, expect, it } from 'vitest'
import { planTimers, type TimerContext, wantedTimers } from '../../src/timers/schedule-timers.ts'
import { TENDER_STATES } from '../../state-machines/tender.machine.ts'

const DEADLINE = '2026-03-23T01:30:00.000Z'
const PUBLICITY_ENDS = '2026-04-10T01:30:00.000Z'
const context: TimerContext = {
  deadline: DEADLINE,
  publicityEndsAt: PUBLICITY_ENDS,
  suspended: false,
  pendingObjections: [],
}

describe('wantedTimers', () => {
  it('wants a close_bidding timer at the deadline while bidding', () => {
    expect(wantedTimers('bidding', context)).toEqual([{ kind: 'close_bidding', dueAt: DEADLINE }])
  })

  it('wants an end_publicity timer at the end of either publicity period', () => {
    for (const state of ['candidatePublicity', 'resultPublicity'] as const) {
      expect(wantedTimers(state, context)).toEqual([{ kind: 'end_publicity', dueAt: PUBLICITY_ENDS }])
    }
  })

  it('wants nothing in every other state', () => {
    const others = TENDER_STATES.filter(
      (s) => !['bidding', 'candidatePublicity', 'resultPublicity'].includes(s),
    )
    for (const state of others) expect(wantedTimers(state, context), state).toEqual([])
  })

  it('wants nothing while the tender is suspended or an objection is pending', () => {
    expect(wantedTimers('bidding', { ...context, suspended: true })).toEqual([])
    const objection = { objectionId: 'obj_1', stage: 'documents' as const }
    expect(wantedTimers('bidding', { ...context, pendingObjections: [objection] })).toEqual([])
    expect(wantedTimers('candidatePublicity', { ...context, suspended: true })).toEqual([])
  })

  it('wants nothing without a time to fire at', () => {
    expect(wantedTimers('bidding', { ...context, deadline: null })).toEqual([])
    expect(wantedTimers('resultPublicity', { ...context, publicityEndsAt: null })).toEqual([])
  })
})

describe('planTimers', () => {
  const pending = [{ id: 'tmr_a', kind: 'close_bidding' as const, dueAt: new Date(DEADLINE) }]

  it('creates a missing timer and leaves an unchanged one alone', () => {
    const bidding = { state: 'bidding' as const, context, event: 'PUBLISH' as const }
    expect(planTimers([], bidding)).toEqual({
      create: [{ kind: 'close_bidding', dueAt: DEADLINE }],
      move: [],
      settle: [],
    })
    expect(planTimers(pending, { ...bidding, event: 'QUESTION_ASKED' })).toEqual({
      create: [],
      move: [],
      settle: [],
    })
  })

  it('moves the timer when the deadline moves', () => {
    const later = '2026-03-30T01:30:00.000Z'
    const plan = planTimers(pending, {
      state: 'bidding',
      context: { ...context, deadline: later },
      event: 'EXTEND_DEADLINE',
    })
    expect(plan).toEqual({ create: [], move: [{ id: 'tmr_a', dueAt: later }], settle: [] })
  })

  it('settles as done when the event is the one the timer waited for, else as cancelled', () => {
    expect(planTimers(pending, { state: 'opening', context, event: 'CLOSE_BIDDING' }).settle).toEqual([
      { id: 'tmr_a', status: 'done' },
    ])
    expect(planTimers(pending, { state: 'failed', context, event: 'CLOSE_BIDDING' }).settle).toEqual([
      { id: 'tmr_a', status: 'done' },
    ])
    expect(planTimers(pending, { state: 'cancelled', context, event: 'CANCEL' }).settle).toEqual([
      { id: 'tmr_a', status: 'cancelled' },
    ])
    const held = {
      state: 'bidding' as const,
      context: { ...context, suspended: true },
      event: 'SUSPEND' as const,
    }
    expect(planTimers(pending, held).settle).toEqual([{ id: 'tmr_a', status: 'cancelled' }])
  })
})
