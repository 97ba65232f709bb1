// The helpers the command pipeline uses: tenderStateOf, acceptedEventTypes (409 "allowed"), isHeld.
import { describe, expect, it } from 'vitest'
import {
  acceptedEventTypes,
  isHeld,
  TENDER_EVENT_TYPES,
  TENDER_STATES,
  tenderMachine,
  tenderStateOf,
} from '../../state-machines/tender.machine.ts'
import { ev, step, T } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

const sorted = (types: readonly string[]) => [...types].sort()
const HOLD = ['SUSPEND', 'RESUME', 'CANCEL']

describe('acceptedEventTypes', () => {
  it('lists the transitions of each phase, guards ignored', () => {
    expect(sorted(acceptedEventTypes(given.draft()))).toEqual(sorted(['EDIT', 'PUBLISH', 'CANCEL']))
    expect(sorted(acceptedEventTypes(given.bidding()))).toEqual(
      sorted([
        ...HOLD,
        'QUESTION_ASKED',
        'QUESTION_ANSWERED',
        'AMEND',
        'EXTEND_DEADLINE',
        'OBJECTION_RAISED',
        'OBJECTION_ANSWERED',
        'CLOSE_BIDDING',
      ]),
    )
    expect(sorted(acceptedEventTypes(given.opening()))).toEqual(
      sorted([...HOLD, 'OBJECTION_RAISED', 'OBJECTION_ANSWERED', 'OPEN']),
    )
    expect(sorted(acceptedEventTypes(given.awarded()))).toEqual(
      sorted([...HOLD, 'ISSUE_AWARD_NOTICE', 'WINNER_DECLINED', 'CONTRACT_SIGNED']),
    )
    expect(acceptedEventTypes(given.awarding())).toContain('DECIDE')
  })

  it('is empty in a final state', () => {
    expect(acceptedEventTypes(step(given.draft(), ev.cancel(T(0))))).toEqual([])
  })

  it('only ever names known event types', () => {
    for (const state of TENDER_STATES) {
      const events = tenderMachine.states[state]?.ownEvents ?? []
      for (const type of events) expect(TENDER_EVENT_TYPES).toContain(type)
    }
  })
})

describe('tenderStateOf and isHeld', () => {
  it('names the state and tells whether the tender is held', () => {
    const bidding = given.bidding()
    expect(tenderStateOf(bidding)).toBe('bidding')
    expect(isHeld(bidding.context)).toBe(false)
    expect(isHeld(step(bidding, ev.suspend(T(1))).context)).toBe(true)
    expect(isHeld(step(bidding, ev.objection('o1', 'documents', T(1))).context)).toBe(true)
  })

  it('covers exactly the machine states', () => {
    expect(sorted(Object.keys(tenderMachine.states))).toEqual(sorted(TENDER_STATES))
  })
})
