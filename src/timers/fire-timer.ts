// Fires one claimed timer by running the real command through the pipeline as the system actor. The
// pipeline's timer follow-up (syncTimers) marks the timer done in the command's own transaction;
// failures are sorted into "moot" (the tender moved on) and "retry later" (held, or the database was
// unavailable).
import { endPublicity } from '../evaluation/publicity.ts'
import { closeBidding } from '../opening/close-bidding.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { DomainError, IllegalTransition, NotFound } from '../shared/errors.ts'
import type { TimerKind } from './schedule-timers.ts'
import { timerActor } from './system-actor.ts'
import { type ClaimedTimer, deferTimer, markTimerMoot } from './timer-repository.ts'

export type FireOutcome = 'fired' | 'moot' | 'deferred'

export interface FiredTimer {
  readonly timer: ClaimedTimer
  readonly outcome: FireOutcome
  readonly error?: string
}

// A timer names no version: it acts on the tender as it finds it, and the machine decides.
const COMMANDS: Record<TimerKind, (deps: CommandDeps, timer: ClaimedTimer) => Promise<unknown>> = {
  close_bidding: (deps, timer) => closeBidding(deps, timerActor(timer.id), timer.tenderId, undefined),
  end_publicity: (deps, timer) => endPublicity(deps, timerActor(timer.id), timer.tenderId, undefined),
}

const MAX_BACKOFF_MS = 60_000

/** 1 s, 2 s, 4 s … up to a minute: a held or failing tender is retried, never hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, Math.min(attempts - 1, 16)))
}

export async function fireTimer(deps: CommandDeps, timer: ClaimedTimer): Promise<FiredTimer> {
  try {
    await COMMANDS[timer.kind](deps, timer)
    return { timer, outcome: 'fired' }
  } catch (error) {
    const message = describe(error)
    const now = deps.clock.now()
    if (error instanceof IllegalTransition || error instanceof NotFound) {
      await markTimerMoot(deps.db, timer.id, message, now)
      return { timer, outcome: 'moot', error: message }
    }
    await deferTimer(deps.db, timer.id, message, new Date(now.getTime() + backoffMs(timer.attempts)))
    return { timer, outcome: 'deferred', error: message }
  }
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}
