// A circuit breaker for a remote credit source: after `failureThreshold` failed lookups in a row it
// opens (no calls, answers 'circuit_open') for `resetAfterMs`, then lets one trial call through
// (half-open): success closes it, failure opens it again. Time comes from the injected clock.
// Ours rather than opossum's: opossum half-opens on a real setTimeout and counts failures as a percentage
// of a rolling window, not N in a row, so neither the clock nor the configured threshold would carry over
// (and its current releases do not run on every Node that package.json declares).
import type { Clock } from '../shared/clock.ts'

export type CircuitState = 'closed' | 'open' | 'halfOpen'

export interface CircuitBreakerOptions {
  readonly failureThreshold: number
  readonly resetAfterMs: number
}

export interface CircuitBreaker {
  state(): CircuitState
  /** Whether a call may go now; in half-open only one trial call at a time. */
  tryAcquire(): boolean
  success(): void
  failure(): void
  /** When an open circuit lets its next trial through (ISO), else null. */
  retryAt(): string | null
}

export function createCircuitBreaker(options: CircuitBreakerOptions, clock: Clock): CircuitBreaker {
  let failures = 0
  let openedAt: number | null = null
  let trialInFlight = false
  const now = () => clock.now().getTime()
  const state = (): CircuitState => {
    if (openedAt === null) return 'closed'
    return now() - openedAt >= options.resetAfterMs ? 'halfOpen' : 'open'
  }
  return {
    state,
    tryAcquire() {
      const current = state()
      if (current === 'closed') return true
      if (current === 'open' || trialInFlight) return false
      trialInFlight = true
      return true
    },
    success() {
      failures = 0
      openedAt = null
      trialInFlight = false
    },
    failure() {
      if (trialInFlight || openedAt !== null) {
        trialInFlight = false
        openedAt = now() // the trial failed: open again for a whole period
        return
      }
      failures += 1
      if (failures >= options.failureThreshold) openedAt = now()
    },
    retryAt() {
      return openedAt === null ? null : new Date(openedAt + options.resetAfterMs).toISOString()
    },
  }
}
