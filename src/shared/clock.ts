// Time is injected: the server uses the system clock, tests and the demo a clock they move.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface ManualClock extends Clock {
  set(at: Date | string): void
  advance(milliseconds: number): void
}

export function manualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime()
    },
    advance: (milliseconds) => {
      current += milliseconds
    },
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000
