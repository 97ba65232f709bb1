// The background loop under the timers, the record outbox and housekeeping: a round now, the next after
// the pause the round asks for, a failed round reported and retried, and stop() waiting for the round in
// progress, after which nothing runs.
import { describe, expect, it } from 'vitest'
import { startPollingLoop } from '../../src/shared/polling-loop.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('startPollingLoop', () => {
  it('runs a round at once and the next after the pause it asks for', async () => {
    const startedAt: number[] = []
    const loop = startPollingLoop({
      round: async () => {
        startedAt.push(performance.now())
        return startedAt.length === 1 ? 60 : 10_000
      },
      pauseAfterFailureMs: 10_000,
      onFailure: () => {},
    })
    expect(startedAt).toHaveLength(1)
    await sleep(30)
    expect(startedAt).toHaveLength(1)
    await sleep(80)
    expect(startedAt).toHaveLength(2)
    expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(55)
    await loop.stop()
  })

  it('reports a failed round and tries again after the failure pause', async () => {
    const failures: unknown[] = []
    let rounds = 0
    const loop = startPollingLoop({
      round: async () => {
        rounds += 1
        if (rounds === 1) throw new Error('database away')
        return 10_000
      },
      pauseAfterFailureMs: 20,
      onFailure: (error) => failures.push(error),
    })
    await sleep(60)
    expect(failures).toEqual([new Error('database away')])
    expect(rounds).toBe(2)
    await loop.stop()
  })

  it('stop() waits for the round in progress, and no round runs after it', async () => {
    let rounds = 0
    let finished = false
    const loop = startPollingLoop({
      round: async () => {
        rounds += 1
        await sleep(40)
        finished = true
        return 1
      },
      pauseAfterFailureMs: 1,
      onFailure: () => {},
    })
    await loop.stop()
    expect(finished).toBe(true)
    await sleep(30)
    expect(rounds).toBe(1)
  })
})
