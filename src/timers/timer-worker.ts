// The timer worker: claims due timers and fires them, polling every pollMs and, in between, sleeping only
// until the next due time, so bidding closes within milliseconds of its deadline. Correctness never rests
// on it (the machine's guards check every time); it only makes things happen without a caller.
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { startPollingLoop } from '../shared/polling-loop.ts'
import type { SerialLock } from '../shared/serial-lock.ts'
import { type FiredTimer, fireTimer } from './fire-timer.ts'
import { type ClaimedTimer, claimDueTimers, nextFireAt } from './timer-repository.ts'

/** The subset of pino (Fastify's app.log) the worker writes to. */
export interface TimerLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

/** Timers fire real commands, so the worker runs them with the app's follow-ups (CommandDeps). */
export interface TimerDeps extends CommandDeps {
  readonly log: TimerLog
}

export interface TimerWorker {
  stop(): Promise<void>
}

/** A claim lapses after this long, so a worker that died mid-firing does not strand its timers. */
const LEASE_MS = 30_000
const BATCH = 16
/** Timers of different tenders fire side by side (each locks only its own tender). */
const PARALLEL = 4
/** Never spin: even an overdue timer that another transaction holds is looked at again after this. */
const MIN_SLEEP_MS = 5

/** One tick: fire every timer due by the clock's now, until none is left to claim. */
export async function runDueTimers(deps: TimerDeps): Promise<FiredTimer[]> {
  const results: FiredTimer[] = []
  for (;;) {
    const now = deps.clock.now()
    const claimed = await claimDueTimers(deps.db, now, new Date(now.getTime() + LEASE_MS), BATCH)
    for (let i = 0; i < claimed.length; i += PARALLEL) {
      const fired = await Promise.all(claimed.slice(i, i + PARALLEL).map((timer) => fireOne(deps, timer)))
      results.push(...fired)
    }
    if (claimed.length < BATCH) return results
  }
}

async function fireOne(deps: TimerDeps, timer: ClaimedTimer): Promise<FiredTimer> {
  const result = await fireTimer(deps, timer)
  // Only ids and times: the outcome of a close (how many bids, failed or not) is not for the log.
  const details = {
    timerId: timer.id,
    tenderId: timer.tenderId,
    kind: timer.kind,
    dueAt: timer.dueAt.toISOString(),
    lateMs: deps.clock.now().getTime() - timer.dueAt.getTime(),
    attempts: timer.attempts,
  }
  if (result.outcome === 'fired') deps.log.info(details, 'timer fired')
  else deps.log.warn({ ...details, outcome: result.outcome, error: result.error }, 'timer not fired')
  return result
}

/** How long to sleep: until the next timer may fire, but never longer than pollMs. */
async function sleepMs(deps: TimerDeps, pollMs: number): Promise<number> {
  const next = await nextFireAt(deps.db)
  if (next === null) return pollMs
  // +1 ms: Node may wake a timeout a fraction of a millisecond early.
  const untilDue = next.getTime() - deps.clock.now().getTime() + 1
  return Math.max(MIN_SLEEP_MS, Math.min(pollMs, untilDue))
}

export function startTimerWorker(
  deps: TimerDeps & { readonly pollMs?: number; readonly lock?: SerialLock },
): TimerWorker {
  const pollMs = deps.pollMs ?? 1000
  const lock: SerialLock = deps.lock ?? ((section) => section())
  return startPollingLoop({
    round: () =>
      lock(async () => {
        await runDueTimers(deps)
        return sleepMs(deps, pollMs)
      }),
    pauseAfterFailureMs: pollMs,
    onFailure: (error) => deps.log.error({ err: error }, 'timer tick failed; trying again'),
  })
}
