// Given a sealed bid, when the bid machine refuses an event, then it names the refusal (code, rule,
// limit, source, field) the bid command answers with, and its boolean guard is exactly "no refusal".
// A change after the deadline is refused with the bid window's own refusal, as the tender names it.
import { describe, expect, it } from 'vitest'
import { initialTransition, transition } from 'xstate'
import type { BidEvent } from '../../state-machines/bid.events.ts'
import { type BidSnapshot, bidMachine } from '../../state-machines/bid.machine.ts'
import { bidEventsInState, bidRefusalOf } from '../../state-machines/bid.refusals.ts'
import { bidWindowRefusal } from '../../state-machines/bid-window.ts'
import { bidInput } from './bid.fixtures.ts'
import { DEADLINE, T } from './tender.fixtures.ts'

const submitted = (): BidSnapshot => initialTransition(bidMachine, bidInput)[0]
const opened: BidEvent = { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'opened', priceFen: '1100000000' }
const openedBid = () => transition(bidMachine, submitted(), opened)[0]

/** The refusal the machine names, checked against its boolean answer. */
function refusalOf(snapshot: BidSnapshot, event: BidEvent) {
  const refusal = bidRefusalOf(snapshot, event)
  expect(snapshot.can(event)).toBe(refusal === null)
  return refusal
}

const WINDOW_SOURCE = expect.stringContaining('法 Art 28, 29')

describe('bid refusals: before the deadline', () => {
  it('refuses a withdrawal at or after the deadline with the bid window refusal, 409 bidding_closed', () => {
    const late = refusalOf(submitted(), { type: 'WITHDRAW', at: DEADLINE, deadline: DEADLINE })
    expect(late).toMatchObject({
      code: 'bidding_closed',
      rule: 'bidWindow',
      limit: DEADLINE,
      source: WINDOW_SOURCE,
      conflict: true,
      details: { deadline: DEADLINE, serverTime: DEADLINE },
    })
    const window = bidWindowRefusal(
      { state: 'bidding', deadline: DEADLINE, suspended: false, pendingObjections: [] },
      DEADLINE,
    )
    const named = ({ code, rule, limit, source, conflict }: NonNullable<typeof late>) => ({
      code,
      rule,
      limit,
      source,
      conflict,
    })
    expect(named(late!)).toEqual(named(window!))
    expect(refusalOf(submitted(), { type: 'WITHDRAW', at: T(22), deadline: T(25) })).toBeNull()
  })

  it('refuses a late replacement, and one that names no bid or the bid itself, naming byBidId', () => {
    const bid = submitted()
    const late = { type: 'REPLACE', at: T(21), deadline: DEADLINE, byBidId: 'b2' } as const
    expect(refusalOf(bid, late)).toMatchObject({ code: 'bidding_closed', limit: DEADLINE })
    expect(refusalOf(bid, { ...late, at: T(12), byBidId: '' })).toMatchObject({
      code: 'rule_violation',
      rule: 'wellFormedEvent',
      field: 'byBidId',
    })
    expect(refusalOf(bid, { ...late, at: T(12), byBidId: 'b1' })).toMatchObject({
      field: 'byBidId',
      limit: 'another bid than this one',
    })
    expect(refusalOf(bid, { ...late, at: T(12) })).toBeNull()
  })

  it('refuses an event stamped with no valid instant, naming at', () => {
    expect(refusalOf(submitted(), { type: 'WITHDRAW', at: 'soon', deadline: DEADLINE })).toMatchObject({
      field: 'at',
      limit: 'an ISO-8601 instant',
    })
  })
})

describe('bid refusals: opening and rejection', () => {
  it('refuses opening before the bid deadline: opening_before_deadline, citing 电子办法 Art 27', () => {
    expect(refusalOf(submitted(), { ...opened, at: T(20) })).toMatchObject({
      code: 'opening_before_deadline',
      rule: 'openingTime',
      limit: DEADLINE,
      source: expect.stringContaining('电子招标投标办法 Art 27'),
    })
  })

  it('names the opened branch refusal for a price not in fen, and an unknown outcome', () => {
    expect(refusalOf(submitted(), { ...opened, priceFen: '1e9' })).toMatchObject({
      field: 'priceFen',
      rule: 'wellFormedEvent',
    })
    const unknown = { ...opened, outcome: 'lost' } as unknown as BidEvent
    expect(refusalOf(submitted(), unknown)).toMatchObject({ field: 'outcome' })
    const invalid = { ...opened, outcome: 'invalid', priceFen: null } as const
    expect(refusalOf(submitted(), { ...invalid, at: T(20) })).toMatchObject({
      code: 'opening_before_deadline',
    })
    expect(refusalOf(submitted(), invalid)).toBeNull()
  })

  it('refuses a rejection (否决) without a ground, naming ground', () => {
    expect(refusalOf(openedBid(), { type: 'REJECT', at: T(22), ground: ' ' })).toMatchObject({
      code: 'rule_violation',
      field: 'ground',
    })
    expect(refusalOf(openedBid(), { type: 'REJECT', at: T(22), ground: '未盖章' })).toBeNull()
  })

  it('names no refusal for an event the state does not take (that is a 409 illegal_transition)', () => {
    expect(bidEventsInState(submitted()).sort()).toEqual(['OPEN_RESULT', 'REPLACE', 'WITHDRAW'])
    expect(bidEventsInState(openedBid())).toEqual(['REJECT'])
    expect(bidRefusalOf(openedBid(), { type: 'WITHDRAW', at: T(22), deadline: DEADLINE })).toBeNull()
  })

  it('every guard of the machine refuses with a Refusal, never a bare false', () => {
    const guards = bidMachine.implementations.guards as Record<string, { verdict?: unknown }>
    expect(Object.keys(guards).length).toBeGreaterThan(0)
    for (const [name, guard] of Object.entries(guards)) expect(typeof guard.verdict, name).toBe('function')
  })
})
