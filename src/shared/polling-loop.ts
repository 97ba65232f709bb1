// A background loop the server runs beside its requests (timers, the record outbox, housekeeping): do
// one round now, then again after the pause the round asks for, until stopped. A failed round is
// reported and the loop goes on after its usual pause; stop() waits for a round in progress to finish.

export interface PollingLoop {
  stop(): Promise<void>
}

export interface PollingLoopOptions {
  /** One round; resolves to how long to pause before the next one (ms). */
  readonly round: () => Promise<number>
  /** The pause after a failed round (ms). */
  readonly pauseAfterFailureMs: number
  readonly onFailure: (error: unknown) => void
  /** Let the process exit while the loop waits (for housekeeping that must not keep it alive). */
  readonly unref?: boolean
}

export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  let stopped = false
  let timeout: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const loop = async () => {
    let pause = options.pauseAfterFailureMs
    try {
      pause = await options.round()
    } catch (error) {
      options.onFailure(error)
    }
    if (stopped) return
    timeout = setTimeout(next, pause)
    if (options.unref) timeout.unref()
  }
  const next = () => {
    running = loop()
  }
  next()
  return {
    async stop() {
      stopped = true
      clearTimeout(timeout)
      await running
    },
  }
}
