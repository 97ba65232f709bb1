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
    // Paths share prefixes; transition() is pure, so each distinct prefix is replayed once (a trie of
    // steps) and every path still walks its own steps from the initial snapshot.
    interface Replayed {
      readonly snapshot: ReturnType<typeof initialTransition<typeof tenderMachine>>[0]
      readonly next: Map<string, Replayed>
    }
    const [initial, initialActions] = initialTransition(tenderMachine, tenderInput)
    expectNoSideEffects(initialActions)
    const root: Replayed = { snapshot: initial, next: new Map() }
    for (const path of paths) {
      let node = root
      // Each path starts with xstate's own init step, which the machine's initialTransition stands for.
      for (const { event } of path.steps.filter((step) => (step.event.type as string) !== 'xstate.init')) {
        const key = JSON.stringify(event)
        let reached = node.next.get(key)
        if (reached === undefined) {
          const [snapshot, actions] = transition(tenderMachine, node.snapshot, event)
          expectNoSideEffects(actions)
          reached = { snapshot, next: new Map() }
          node.next.set(key, reached)
        }
        node = reached
      }
      // Snapshots are collapsed by modelKey, so the replay must land on the same key (not the same context).
      expect(modelKey(node.snapshot)).toBe(modelKey(path.state))
    }
  })
})
