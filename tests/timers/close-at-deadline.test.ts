// Given a tender in bidding, when the worker ticks, then nothing happens before the deadline; at the
// deadline the timer closes bidding as the system actor (opening with enough bids, failed without), and
// a second tick changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { createPublished, deadlineOf, eventsOf, stateOf, submitOk, tick, timersOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('closing bidding by timer', () => {
  it('does nothing before the deadline, closes at it, and only once', async () => {
    const tenderId = await createPublished(t)
    for (const bidder of ['bidder1', 'bidder2', 'bidder3']) await submitOk(t, tenderId, bidder)
    const deadline = await deadlineOf(t, tenderId)

    t.clock.set(new Date(Date.parse(deadline) - 1))
    expect(await tick(t)).toEqual([])
    expect(await stateOf(t, tenderId)).toBe('bidding')

    t.clock.set(deadline)
    const fired = await tick(t)
    expect(fired.map((f) => [f.timer.tenderId, f.outcome])).toContainEqual([tenderId, 'fired'])
    expect(await stateOf(t, tenderId)).toBe('opening')
    const [close, ...more] = await eventsOf(t, tenderId, 'CLOSE_BIDDING')
    expect(more).toEqual([])
    expect(close?.data).toMatchObject({ at: deadline, bidCount: 3 })
    expect(close?.meta).toMatchObject({ userId: 'system:timer', roles: ['operator'], ip: 'timer' })
    expect(await timersOf(t, tenderId)).toEqual([
      { kind: 'close_bidding', status: 'done', dueAt: deadline, lastError: null },
    ])

    t.clock.advance(60_000)
    expect(await tick(t)).toEqual([])
    expect(await eventsOf(t, tenderId, 'CLOSE_BIDDING')).toHaveLength(1)
  })

  it('fails a tender with too few bids (流标) when the timer closes it', async () => {
    const tenderId = await createPublished(t)
    await submitOk(t, tenderId, 'bidder1')
    t.clock.set(new Date(Date.parse(await deadlineOf(t, tenderId)) + 5_000))
    await tick(t)
    expect(await stateOf(t, tenderId)).toBe('failed')
    expect((await timersOf(t, tenderId)).map((timer) => timer.status)).toEqual(['done'])
  })

  it('fires overdue timers of several tenders in one tick, as after a restart', async () => {
    const ids = [await createPublished(t), await createPublished(t), await createPublished(t)]
    t.clock.set(new Date(Date.parse(await deadlineOf(t, ids[2]!)) + 3_600_000))
    const fired = await tick(t)
    for (const id of ids) {
      expect(fired.filter((f) => f.timer.tenderId === id).map((f) => f.outcome)).toEqual(['fired'])
      expect(await stateOf(t, id)).toBe('failed')
    }
  })
})
