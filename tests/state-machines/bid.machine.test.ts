// Given a sealed bid, when it is replaced, withdrawn, opened or rejected.
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { initialTransition, transition } from 'xstate'
import type { BidEvent } from '../../state-machines/bid.events.ts'
import { type BidSnapshot, bidMachine, bidStateOf } from '../../state-machines/bid.machine.ts'
import { bidInput } from './bid.fixtures.ts'
import { DEADLINE, expectNoSideEffects, T } from './tender.fixtures.ts'

function submitted(): BidSnapshot {
  const [snapshot, actions] = initialTransition(bidMachine, bidInput)
  expectNoSideEffects(actions)
  return snapshot
}

function accepts(snapshot: BidSnapshot, event: BidEvent): boolean {
  const [next, actions] = transition(bidMachine, snapshot, event)
  expectNoSideEffects(actions)
  const changed = next.value !== snapshot.value || !isDeepStrictEqual(next.context, snapshot.context)
  expect(snapshot.can(event)).toBe(changed)
  return changed
}

function step(snapshot: BidSnapshot, event: BidEvent): BidSnapshot {
  expect(accepts(snapshot, event)).toBe(true)
  return transition(bidMachine, snapshot, event)[0]
}

const opened: BidEvent = { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'opened', priceFen: '1100000000' }

describe('bid: before the deadline', () => {
  it('is replaced by another bid of the bidder', () => {
    const next = step(submitted(), { type: 'REPLACE', at: T(12), deadline: DEADLINE, byBidId: 'b1-v2' })
    expect(bidStateOf(next)).toBe('replaced')
    expect(next.context.replacedByBidId).toBe('b1-v2')
  })

  it('is withdrawn (撤回)', () => {
    const next = step(submitted(), { type: 'WITHDRAW', at: T(12), deadline: DEADLINE })
    expect(bidStateOf(next)).toBe('withdrawn')
    expect(next.context.withdrawnAt).toBe(T(12))
  })

  it('refuses replacement or withdrawal at or after the (current) deadline, and odd replacements', () => {
    const bid = submitted()
    expect(accepts(bid, { type: 'WITHDRAW', at: DEADLINE, deadline: DEADLINE })).toBe(false)
    expect(accepts(bid, { type: 'WITHDRAW', at: T(22), deadline: T(25) })).toBe(true)
    expect(accepts(bid, { type: 'REPLACE', at: DEADLINE, deadline: DEADLINE, byBidId: 'b2' })).toBe(false)
    expect(accepts(bid, { type: 'REPLACE', at: T(12), deadline: DEADLINE, byBidId: 'b1' })).toBe(false)
    expect(accepts(bid, { type: 'REPLACE', at: T(12), deadline: DEADLINE, byBidId: '' })).toBe(false)
  })
})

describe('bid: opening', () => {
  it('opens with its price', () => {
    const next = step(submitted(), opened)
    expect(bidStateOf(next)).toBe('opened')
    expect(next.context).toMatchObject({ outcome: 'opened', priceFen: '1100000000', openedAt: T(21, 1) })
  })

  it.each(['decryptFailedBidder', 'decryptFailedOther', 'invalid'] as const)('records %s', (outcome) => {
    const next = step(submitted(), {
      type: 'OPEN_RESULT',
      at: T(21, 1),
      outcome,
      priceFen: '1',
      reason: 'x',
    })
    expect(bidStateOf(next)).toBe(outcome)
    expect(next.context).toMatchObject({ outcome, priceFen: null, outcomeReason: 'x' })
    expect(next.status).toBe('done')
  })

  it('refuses opening before the deadline and an opened bid without a price in fen', () => {
    const bid = submitted()
    expect(accepts(bid, { ...opened, at: T(20) })).toBe(false)
    expect(accepts(bid, { ...opened, priceFen: null })).toBe(false)
    expect(accepts(bid, { ...opened, priceFen: '1e9' })).toBe(false)
  })
})

describe('bid: rejection (否决投标)', () => {
  it('rejects an opened bid on a ground', () => {
    const rejected = step(step(submitted(), opened), { type: 'REJECT', at: T(22), ground: '未盖章' })
    expect(bidStateOf(rejected)).toBe('rejected')
    expect(rejected.context.rejectionGround).toBe('未盖章')
  })

  it('refuses a blank ground and a bid that was not opened', () => {
    expect(accepts(step(submitted(), opened), { type: 'REJECT', at: T(22), ground: ' ' })).toBe(false)
    expect(accepts(submitted(), { type: 'REJECT', at: T(22), ground: '未盖章' })).toBe(false)
  })

  it('accepts nothing once final', () => {
    const withdrawn = step(submitted(), { type: 'WITHDRAW', at: T(12), deadline: DEADLINE })
    expect(accepts(withdrawn, opened)).toBe(false)
  })
})
