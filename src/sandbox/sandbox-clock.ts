// The sandbox clock (embedded default only, never in production): the real clock plus an offset an
// operator moves forward, so a tender can be taken through weeks of deadlines by hand. The offset lives
// in the audit log entry of each advance, so a restart keeps the sandbox time.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { type Clock, systemClock } from '../shared/clock.ts'
import { createSerialLock } from '../shared/serial-lock.ts'

export const SANDBOX_CLOCK_ACTION = 'sandbox_clock.advanced'

export interface SandboxClock extends Clock {
  /** The real time underneath: what sign-in sessions run on, so a jump never signs anyone out. */
  readonly realTime: Clock
  readonly offsetMs: () => number
  /** Moves the clock to `at` if that is later than now; never back. */
  readonly moveTo: (at: Date) => void
}

export function createSandboxClock(base: Clock, offsetMs = 0): SandboxClock {
  let offset = offsetMs
  const now = () => new Date(base.now().getTime() + offset)
  return {
    now,
    realTime: base,
    offsetMs: () => offset,
    moveTo: (at) => {
      if (at.getTime() > now().getTime()) offset = at.getTime() - base.now().getTime()
    },
  }
}

/** The sandbox clock as the last advance left it (no advance yet: the real time). */
export async function loadSandboxClock(db: Kysely<Database>, base: Clock): Promise<SandboxClock> {
  const row = await db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', SANDBOX_CLOCK_ACTION)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const offset = row?.details.offsetMs
  return createSandboxClock(base, typeof offset === 'number' ? offset : 0)
}

/** What the server wires in when the sandbox is on: the clock as persisted, and the timers' lock. */
export async function openSandbox(db: Kysely<Database>, base: Clock = systemClock) {
  return { db, clock: await loadSandboxClock(db, base), lock: createSerialLock() }
}
