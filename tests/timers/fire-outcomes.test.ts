// Given a timer already claimed by a worker, when the tender changes before it fires, then: held → the
// close is refused and nothing is written; moved on (cancelled) → the timer is settled, nothing fired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { fireTimer } from '../../src/timers/fire-timer.ts'
import { claimDueTimers } from '../../src/timers/timer-repository.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { createPublished, deadlineOf, eventsOf, post, stateOf, tick, timersOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function claimAfterDeadline(tenderId: string) {
  t.clock.set(new Date(Date.parse(await deadlineOf(t, tenderId)) + 1_000))
  const now = t.clock.now()
  const claimed = await claimDueTimers(t.database.db, now, new Date(now.getTime() + 30_000), 100)
  const timer = claimed.find((c) => c.tenderId === tenderId)
  expect(timer).toMatchObject({ kind: 'close_bidding', attempts: 1 })
  return timer!
}

describe('a claimed timer whose tender changed', () => {
  it('does not close a tender suspended in between, and fires after RESUME', async () => {
    const tenderId = await createPublished(t)
    const timer = await claimAfterDeadline(tenderId)
    expect((await post(t, `${tenderId}/suspend`, 'supervisor', { reason: '收到投诉' })).status).toBe(200)

    const result = await fireTimer(tenderCommandDeps(t.database.db, t.clock), timer)
    expect(result).toMatchObject({ outcome: 'deferred', error: expect.stringMatching(/^tender_suspended/) })
    expect(await stateOf(t, tenderId)).toBe('bidding')
    expect(await eventsOf(t, tenderId, 'CLOSE_BIDDING')).toEqual([])

    expect((await post(t, `${tenderId}/resume`, 'supervisor', { reason: '处理完毕' })).status).toBe(200)
    await tick(t)
    expect(await stateOf(t, tenderId)).toBe('failed')
  })

  it('settles the timer of a tender cancelled in between without firing', async () => {
    const tenderId = await createPublished(t)
    const timer = await claimAfterDeadline(tenderId)
    expect((await post(t, `${tenderId}/cancel`, 'purchaser', { reason: '项目取消' })).status).toBe(200)

    const result = await fireTimer(tenderCommandDeps(t.database.db, t.clock), timer)
    expect(result).toMatchObject({ outcome: 'moot', error: expect.stringMatching(/^illegal_transition/) })
    expect(await stateOf(t, tenderId)).toBe('cancelled')
    expect((await timersOf(t, tenderId)).map((row) => row.status)).toEqual(['cancelled'])
  })

  it('does not claim a timer another worker holds until its claim lapses', async () => {
    const tenderId = await createPublished(t)
    await claimAfterDeadline(tenderId)
    expect(await tick(t)).toEqual([])
    t.clock.advance(30_000)
    expect((await tick(t)).map((f) => f.outcome)).toEqual(['fired'])
    expect(await stateOf(t, tenderId)).toBe('failed')
  })
})
