// Given a tender in opening, when the opening record (OPEN) and opening objections arrive.
import { describe, expect, it } from 'vitest'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, ev, step, T } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

function openWith(bids: Extract<TenderEvent, { type: 'OPEN' }>['bids']): TenderEvent {
  return { type: 'OPEN', at: T(21, 1), bidSetHash: 'h', bids }
}

describe('opening: OPEN', () => {
  it('moves to evaluation with the opening record', () => {
    const next = step(given.opening(), ev.open())
    expect(tenderStateOf(next)).toBe('evaluation')
    expect(next.context.openedBids.map((b) => b.bidId)).toEqual(['b1', 'b2', 'b3', 'b4'])
  })

  it('continues with enough decrypted bids despite one decryption failure', () => {
    const next = step(given.opening(), ev.open(['opened', 'decryptFailedBidder', 'opened', 'opened']))
    expect(tenderStateOf(next)).toBe('evaluation')
  })

  it('fails (流标) with fewer valid bids than the minimum', () => {
    const next = step(given.opening(), ev.open(['opened', 'decryptFailedOther', 'invalid', 'opened']))
    expect(tenderStateOf(next)).toBe('failed')
    expect(next.context.failureReason).toBe('insufficientValidBids')
  })

  it('refuses a record that does not cover exactly the committed bids, once each', () => {
    const opening = given.opening()
    expect(accepts(opening, ev.open(['opened', 'opened', 'opened']))).toBe(false)
    const open = ev.open() as Extract<TenderEvent, { type: 'OPEN' }>
    const [first, second, third] = open.bids
    if (!first || !second || !third) throw new Error('fixture')
    expect(accepts(opening, openWith([first, second, third, { ...first }]))).toBe(false)
  })

  it('refuses a record of another bid set than the one committed at close', () => {
    const open = ev.open() as Extract<TenderEvent, { type: 'OPEN' }>
    expect(accepts(given.opening(), { ...open, bidSetHash: 'another' })).toBe(false)
  })

  it('refuses an opened bid without a price in fen', () => {
    const open = ev.open() as Extract<TenderEvent, { type: 'OPEN' }>
    const [first, ...rest] = open.bids
    if (!first) throw new Error('fixture')
    expect(accepts(given.opening(), openWith([{ ...first, priceFen: null }, ...rest]))).toBe(false)
    expect(accepts(given.opening(), openWith([{ ...first, priceFen: '100.5' }, ...rest]))).toBe(false)
  })
})

describe('opening: objections on site (条例 Art 44)', () => {
  it('holds the opening until the objection is answered', () => {
    const raised = step(given.opening(), ev.objection('o1', 'opening', T(21, 0.5)))
    expect(accepts(raised, ev.open())).toBe(false)
    const answered = step(raised, ev.answer('o1', false, T(21, 0.75)))
    expect(tenderStateOf(answered)).toBe('opening')
    expect(accepts(answered, ev.open())).toBe(true)
  })

  it('refuses objections of another stage', () => {
    expect(accepts(given.opening(), ev.objection('o1', 'documents', T(21)))).toBe(false)
    expect(accepts(given.opening(), ev.objection('o1', 'candidates', T(21)))).toBe(false)
  })
})
