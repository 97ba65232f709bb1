// Model-based test: traverse the tender machine from the scenario input with sample events (xstate/graph)
// and check that every state is reachable, every path replays, and no transition has side effects.

import { describe, expect, it } from 'vitest'
import { initialTransition, transition } from 'xstate'
import { getShortestPaths } from 'xstate/graph'
import { TENDER_STATES, tenderMachine, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { expectNoSideEffects, tenderInput } from './tender.fixtures.ts'
import { modelKey, sampleEvents } from './tender.samples.ts'

describe('tender machine model', () => {
  const paths = getShortestPaths(tenderMachine, {
    input: tenderInput,
    events: sampleEvents,
    serializeState: (snapshot) => modelKey(snapshot),
  })

  it('explores a bounded graph', () => {
    expect(paths.length).toBeGreaterThan(TENDER_STATES.length)
    expect(paths.length).toBeLessThan(20_000)
  })

  it('reaches every state', () => {
    const reached = new Set(paths.map((path) => tenderStateOf(path.state)))
    expect([...reached].sort()).toEqual([...TENDER_STATES].sort())
  })

  it('reaches every failure reason', () => {
    const reasons = new Set(paths.map((path) => path.state.context.failureReason).filter((r) => r !== null))
    expect([...reasons].sort()).toEqual(
      [
        'allBidsRejected',
        'awardTied',
        'insufficientBids',
        'insufficientValidBids',
        'noRemainingCandidates',
      ].sort(),
    )
  })

  it('replays every path through transition() without side effects', () => {
    for (const path of paths) {
      let [snapshot, actions] = initialTransition(tenderMachine, tenderInput)
      expectNoSideEffects(actions)
      // Each path starts with xstate's own init step, which the machine's initialTransition stands for.
      for (const { event } of path.steps.filter((step) => (step.event.type as string) !== 'xstate.init')) {
        ;[snapshot, actions] = transition(tenderMachine, snapshot, event)
        expectNoSideEffects(actions)
      }
      // Snapshots are collapsed by modelKey, so the replay must land on the same key (not the same context).
      expect(modelKey(snapshot)).toBe(modelKey(path.state))
    }
  })
})
