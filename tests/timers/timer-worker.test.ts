// Given a worker started on a database with an overdue timer (as after a restart), then it closes the
// tender on its first tick without anyone calling the API, and stop() waits for it to finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { startTimerWorker } from '../../src/timers/timer-worker.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { createPublished, deadlineOf, silentLog, stateOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the timer worker', () => {
  it('fires an overdue timer on its first tick and keeps polling for new ones', async () => {
    const overdue = await createPublished(t)
    t.clock.set(new Date(Date.parse(await deadlineOf(t, overdue)) + 60_000))
    const worker = startTimerWorker({
      ...tenderCommandDeps(t.database.db, t.clock),
      log: silentLog,
      pollMs: 20,
    })
    try {
      await until(async () => (await stateOf(t, overdue)) === 'failed', 5_000)
      const later = await createPublished(t)
      expect(await stateOf(t, later)).toBe('bidding')
      t.clock.set(await deadlineOf(t, later))
      await until(async () => (await stateOf(t, later)) === 'failed', 5_000)
    } finally {
      await worker.stop()
    }
  })
})
