// Advancing the sandbox clock: only forward, only by the operator, recorded in the audit log before it
// takes effect; then every timer due on the way fires at its own due time, in order, as it would have.
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit-log/audit-log.ts'
import { type Actor, requireRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { InvalidInput, RuleViolation } from '../shared/errors.ts'
import type { SerialLock } from '../shared/serial-lock.ts'
import type { FiredTimer } from '../timers/fire-timer.ts'
import { pendingDueBy } from '../timers/timer-repository.ts'
import { runDueTimers, type TimerDeps, type TimerLog } from '../timers/timer-worker.ts'
import { durationMs } from './duration.ts'
import { SANDBOX_CLOCK_ACTION, type SandboxClock } from './sandbox-clock.ts'

export interface SandboxDeps {
  readonly db: Kysely<Database>
  readonly clock: SandboxClock
  /** Shared with the timer worker, so its rounds never straddle a jump. */
  readonly lock: SerialLock
}

export interface AdvanceRequest {
  readonly by?: string | undefined
  readonly to?: string | undefined
}

/** The timers due on the way fire through the pipeline with the app's follow-ups, as the worker's do. */
export type AdvanceDeps = SandboxDeps & Pick<CommandDeps, 'followUps'>

export function advanceSandboxClock(deps: AdvanceDeps, log: TimerLog, actor: Actor, request: AdvanceRequest) {
  requireRole(actor, 'operator')
  return deps.lock(async () => {
    const from = deps.clock.now()
    const to = target(from, request)
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, {
        at: from,
        actorUserId: actor.userId,
        actorIp: actor.ip,
        action: SANDBOX_CLOCK_ACTION,
        entity: 'sandbox_clock',
        entityId: 'sandbox',
        before: { now: from.toISOString() },
        after: { now: to.toISOString() },
        details: { offsetMs: to.getTime() - from.getTime() + deps.clock.offsetMs(), ...request },
      }),
    )
    const fired = await walkTimers({ db: deps.db, clock: deps.clock, followUps: deps.followUps, log }, to)
    return { from: from.toISOString(), now: deps.clock.now().toISOString(), fired: fired.map(firedView) }
  })
}

function target(from: Date, request: AdvanceRequest): Date {
  if ((request.by === undefined) === (request.to === undefined)) {
    throw new InvalidInput(
      'give exactly one of "by" (an ISO 8601 duration) and "to" (a time)',
      {},
      'invalid_input',
    )
  }
  const to =
    request.by === undefined ? new Date(request.to!) : new Date(from.getTime() + durationMs(request.by))
  if (to.getTime() <= from.getTime()) {
    throw new RuleViolation(
      `the sandbox clock only moves forward: ${to.toISOString()} is not after ${from.toISOString()}`,
      { rule: 'sandbox_clock_forward_only', now: from.toISOString(), to: to.toISOString() },
      'clock_backwards',
    )
  }
  return to
}

/** Steps the clock to each due timer in turn and fires it, then to `to`; a timer is tried once a step. */
async function walkTimers(deps: TimerDeps & { readonly clock: SandboxClock }, to: Date) {
  const results = new Map<string, FiredTimer>()
  const tried = new Set<string>()
  for (;;) {
    const next = (await pendingDueBy(deps.db, to)).find((timer) => !tried.has(timer.id))
    if (!next) break
    tried.add(next.id)
    deps.clock.moveTo(next.dueAt)
    for (const result of await runDueTimers(deps)) {
      tried.add(result.timer.id)
      results.set(result.timer.id, result)
    }
  }
  deps.clock.moveTo(to)
  for (const result of await runDueTimers(deps)) results.set(result.timer.id, result)
  return [...results.values()]
}

function firedView({ timer, outcome, error }: FiredTimer) {
  return {
    timerId: timer.id,
    tenderId: timer.tenderId,
    kind: timer.kind,
    dueAt: timer.dueAt.toISOString(),
    outcome,
    ...(error === undefined ? {} : { error }),
  }
}
