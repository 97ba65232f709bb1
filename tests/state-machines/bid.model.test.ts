// Model-based test of the bid machine: sample events reach every bid state.

import { describe, expect, it } from 'vitest'
import { getShortestPaths } from 'xstate/graph'
import type { BidEvent } from '../../state-machines/bid.events.ts'
import { BID_STATES, bidMachine, bidStateOf } from '../../state-machines/bid.machine.ts'
import { bidInput } from './bid.fixtures.ts'
import { DEADLINE, T } from './tender.fixtures.ts'

const SAMPLE_EVENTS: BidEvent[] = [
  { type: 'REPLACE', at: T(12), deadline: DEADLINE, byBidId: 'b1-v2' },
  { type: 'REPLACE', at: T(22), deadline: DEADLINE, byBidId: 'b1-v3' },
  { type: 'WITHDRAW', at: T(12), deadline: DEADLINE },
  { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'opened', priceFen: '1000' },
  { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'opened', priceFen: null },
  { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'decryptFailedBidder', priceFen: null },
  { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'decryptFailedOther', priceFen: null },
  { type: 'OPEN_RESULT', at: T(21, 1), outcome: 'invalid', priceFen: null, reason: 'schema' },
  { type: 'REJECT', at: T(22), ground: '未盖章' },
  { type: 'REJECT', at: T(22), ground: '' },
]

describe('bid machine model', () => {
  it('reaches every state, each final one by a single decisive event', () => {
    const paths = getShortestPaths(bidMachine, { input: bidInput, events: SAMPLE_EVENTS })
    const reached = new Set(paths.map((path) => bidStateOf(path.state)))
    expect([...reached].sort()).toEqual([...BID_STATES].sort())
    const rejected = paths.find((path) => bidStateOf(path.state) === 'rejected')
    expect(rejected?.steps.map((step) => step.event.type)).toEqual(['xstate.init', 'OPEN_RESULT', 'REJECT'])
  })
})
