// A rate limit on sign-in attempts: so many per client address in a window, counted on the injected
// clock (a test moves it). In memory and per process: it slows guessing, it is not an account lockout.
import type { Clock } from '../shared/clock.ts'

export interface ThrottleLimits {
  readonly attempts: number
  readonly windowMs: number
}

export const LOGIN_LIMITS: ThrottleLimits = { attempts: 10, windowMs: 10 * 60 * 1000 }
const MAX_TRACKED = 50_000

export interface LoginThrottle {
  /** Counts an attempt; the milliseconds to wait when it is one too many, else 0. */
  attempt(client: string): number
}

export function createLoginThrottle(clock: Clock, limits: ThrottleLimits = LOGIN_LIMITS): LoginThrottle {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    attempt(client) {
      const now = clock.now().getTime()
      let window = windows.get(client)
      if (!window || now - window.start >= limits.windowMs) {
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value as string)
        window = { start: now, count: 0 }
        windows.delete(client)
        windows.set(client, window)
      }
      window.count += 1
      return window.count > limits.attempts ? window.start + limits.windowMs - now : 0
    },
  }
}
