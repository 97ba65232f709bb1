// Steps shared by the timer tests: a silent log, one worker tick on the test app's clock, the timer rows
// of a tender and its state and events.
import { readStream } from '../../src/events/event-store.ts'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { runDueTimers, type TimerLog } from '../../src/timers/timer-worker.ts'
import type { TestApp } from '../support/test-app.ts'

export { bearer, bidBody, createPublished, days, passDeadline, post, submitOk } from '../support/bidding.ts'

export const silentLog: TimerLog = { info() {}, warn() {}, error() {} }

/** One worker tick at the test clock's now. */
export const tick = (t: TestApp) =>
  runDueTimers({ ...tenderCommandDeps(t.database.db, t.clock), log: silentLog })

export async function timersOf(t: TestApp, tenderId: string) {
  const rows = await t.database.db
    .selectFrom('timers')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    kind: row.kind,
    status: row.status,
    dueAt: row.due_at.toISOString(),
    lastError: row.last_error,
  }))
}

export async function pendingTimersOf(t: TestApp, tenderId: string) {
  return (await timersOf(t, tenderId)).filter((timer) => timer.status === 'pending')
}

export async function stateOf(t: TestApp, tenderId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('tenders')
    .select('state')
    .where('id', '=', tenderId)
    .executeTakeFirstOrThrow()
  return row.state
}

export async function deadlineOf(t: TestApp, tenderId: string): Promise<string> {
  const res = await t.http.get(`/api/v1/tenders/${tenderId}`)
  return res.body.deadline as string
}

export async function eventsOf(t: TestApp, tenderId: string, type: string) {
  return (await readStream(t.database.db, `tender-${tenderId}`)).filter((event) => event.type === type)
}
