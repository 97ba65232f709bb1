// Every guard of the tender machine is seen both accepting and refusing during the model traversal:
// the guards are wrapped (machine.provide) to record their outcomes while xstate/graph explores.
import { describe, expect, it } from 'vitest'
import { getShortestPaths } from 'xstate/graph'
import { tenderMachine } from '../../state-machines/tender.machine.ts'
import { tenderInput } from './tender.fixtures.ts'
import { modelKey, sampleEvents } from './tender.samples.ts'

type Guard = (args: unknown, params: unknown) => boolean

describe('tender machine guards', () => {
  it('each guard is exercised with both outcomes', () => {
    const outcomes = new Map<string, Set<boolean>>()
    const original = tenderMachine.implementations.guards as Record<string, Guard>
    const recorded = Object.fromEntries(
      Object.entries(original).map(([name, guard]) => [
        name,
        (args: unknown, params: unknown) => {
          const result = guard(args, params)
          if (!outcomes.has(name)) outcomes.set(name, new Set())
          outcomes.get(name)?.add(result)
          return result
        },
      ]),
    )
    const instrumented = tenderMachine.provide({
      guards: recorded as typeof tenderMachine.implementations.guards,
    })
    getShortestPaths(instrumented, {
      input: tenderInput,
      events: sampleEvents,
      serializeState: (snapshot) => modelKey(snapshot),
    })
    const oneSided = Object.keys(original).filter((name) => outcomes.get(name)?.size !== 2)
    expect(oneSided, 'guards never seen both accepting and refusing').toEqual([])
  })
})
