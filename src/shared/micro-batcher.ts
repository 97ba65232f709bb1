// Group work that arrives concurrently into batches, the way a database's group commit does: while a
// batch is in flight, new items queue; when a slot frees, everything queued goes as the next batch. At
// low load a batch is one item and nothing waits. Items sharing a key never travel in one batch or in
// two batches at once, and keep their order. A failed batch is retried item by item, so each caller
// gets its own answer or its own error, never a neighbour's.

export interface MicroBatcherOptions<I> {
  /** The most items in one batch. */
  readonly maxBatch: number
  /** How many batches may run at once. */
  readonly maxInFlight: number
  /** Keys that must not meet: an item waits while another with one of its keys is batched or running. */
  readonly keysOf?: (item: I) => readonly string[]
}

/** Runs a batch: one result per item, in the items' order; throwing fails the whole batch. */
export type BatchRunner<I, O> = (items: readonly I[]) => Promise<readonly O[]>

interface Entry<I, O> {
  readonly item: I
  readonly keys: readonly string[]
  readonly resolve: (result: O) => void
  readonly reject: (error: unknown) => void
}

const NO_KEYS: readonly string[] = []

export function microBatcher<I, O>(
  run: BatchRunner<I, O>,
  options: MicroBatcherOptions<I>,
): (item: I) => Promise<O> {
  let queue: Entry<I, O>[] = []
  let inFlight = 0
  const running = new Set<string>()

  /** The next batch in arrival order; an item whose key is taken stays queued and blocks its key. */
  const take = (): Entry<I, O>[] => {
    const batch: Entry<I, O>[] = []
    const waiting: Entry<I, O>[] = []
    const taken = new Set<string>()
    for (const entry of queue) {
      const free = entry.keys.every((key) => !running.has(key) && !taken.has(key))
      if (free && batch.length < options.maxBatch) batch.push(entry)
      else waiting.push(entry)
      for (const key of entry.keys) taken.add(key)
    }
    queue = waiting
    return batch
  }

  const runAlone = async (entry: Entry<I, O>) => {
    try {
      const [result] = await run([entry.item])
      entry.resolve(result as O)
    } catch (error) {
      entry.reject(error)
    }
  }

  const execute = async (batch: readonly Entry<I, O>[]) => {
    let results: readonly O[]
    try {
      results = await run(batch.map((entry) => entry.item))
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} gave ${results.length} results`)
      }
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error)
      else for (const entry of batch) await runAlone(entry)
      return
    }
    for (const [i, entry] of batch.entries()) entry.resolve(results[i] as O)
  }

  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = take()
      if (batch.length === 0) return // every queued item waits for a running key
      inFlight += 1
      for (const entry of batch) for (const key of entry.keys) running.add(key)
      void execute(batch).finally(() => {
        inFlight -= 1
        for (const entry of batch) for (const key of entry.keys) running.delete(key)
        pump()
      })
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, keys: options.keysOf?.(item) ?? NO_KEYS, resolve, reject })
      pump()
    })
}
