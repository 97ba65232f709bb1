// The micro-batcher on its own: batches form while one is in flight, keys never meet, a failed batch is
// retried item by item so each caller gets its own answer.
import { describe, expect, it } from 'vitest'
import { microBatcher } from '../../src/shared/micro-batcher.ts'

/** A runner whose batches finish only when the test says so; it records every batch it was given. */
function gatedRunner<I, O>(answer: (item: I) => O | Error) {
  const batches: I[][] = []
  const gates: (() => void)[] = []
  const run = async (items: readonly I[]) => {
    batches.push([...items])
    await new Promise<void>((resolve) => gates.push(resolve))
    const answers = items.map(answer)
    const failed = answers.find((a) => a instanceof Error)
    if (failed) throw failed
    return answers as O[]
  }
  const release = async () => {
    while (gates.length > 0) gates.shift()?.()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { run, batches, release }
}

describe('microBatcher', () => {
  it('runs a lone item at once, and groups what arrives while a batch is in flight', async () => {
    const r = gatedRunner((n: number) => n * 10)
    const submit = microBatcher(r.run, { maxBatch: 10, maxInFlight: 1 })
    const first = submit(1)
    expect(r.batches).toEqual([[1]])
    const rest = [2, 3, 4].map(submit)
    expect(r.batches).toHaveLength(1) // waiting for the slot
    await r.release()
    expect(r.batches).toEqual([[1], [2, 3, 4]])
    await r.release()
    expect(await first).toBe(10)
    expect(await Promise.all(rest)).toEqual([20, 30, 40])
  })

  it('keeps to maxBatch and maxInFlight', async () => {
    const r = gatedRunner((n: number) => n)
    const submit = microBatcher(r.run, { maxBatch: 2, maxInFlight: 2 })
    const all = [1, 2, 3, 4, 5, 6].map(submit)
    expect(r.batches).toEqual([[1], [2]]) // two slots, filled at once
    await r.release()
    expect(r.batches).toEqual([[1], [2], [3, 4], [5, 6]])
    await r.release()
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('never puts two items with a shared key in one batch or in two running batches, and keeps their order', async () => {
    const r = gatedRunner((item: { id: number; key: string }) => item.id)
    const submit = microBatcher(r.run, { maxBatch: 10, maxInFlight: 2, keysOf: (item) => [item.key] })
    const items = [
      { id: 1, key: 'a' },
      { id: 2, key: 'a' },
      { id: 3, key: 'b' },
      { id: 4, key: 'a' },
      { id: 5, key: 'c' },
    ]
    const all = items.map(submit)
    // 1 runs alone; then 2 waits for key a; 3 and 5 may go
    expect(r.batches.map((b) => b.map((i) => i.id))).toEqual([[1], [3]])
    await r.release()
    expect(r.batches.map((b) => b.map((i) => i.id))).toEqual([[1], [3], [2, 5]])
    await r.release()
    expect(r.batches.map((b) => b.map((i) => i.id))).toEqual([[1], [3], [2, 5], [4]])
    await r.release()
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5])
  })

  it('retries a failed batch item by item: each caller gets its own answer or its own error', async () => {
    const r = gatedRunner((n: number) => (n === 3 ? new Error('three is refused') : n))
    const submit = microBatcher(r.run, { maxBatch: 10, maxInFlight: 1 })
    const first = submit(1)
    const rest = [2, 3, 4].map((n) => submit(n).catch((error: Error) => error.message))
    await r.release() // batch [1]
    await r.release() // batch [2, 3, 4] fails; [2] starts alone
    await r.release()
    await r.release()
    await r.release()
    expect(r.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]])
    expect(await first).toBe(1)
    expect(await Promise.all(rest)).toEqual([2, 'three is refused', 4])
  })

  it('treats a runner that answers the wrong number of results as a failed batch', async () => {
    const calls: number[][] = []
    const submit = microBatcher(
      async (items: readonly number[]) => {
        calls.push([...items])
        return items.length > 1 ? [0] : items
      },
      { maxBatch: 10, maxInFlight: 1 },
    )
    const all = [submit(1), submit(2), submit(3)]
    expect(await Promise.all(all)).toEqual([1, 2, 3])
    expect(calls).toEqual([[1], [2, 3], [2], [3]])
  })
})
