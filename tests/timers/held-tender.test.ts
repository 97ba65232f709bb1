// Given a tender held at its deadline (suspended, or an objection to the documents pending), when the
// worker ticks, then bidding stays open; once the hold ends the overdue timer closes it on the next tick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  createPublished,
  days,
  deadlineOf,
  eventsOf,
  pendingTimersOf,
  post,
  stateOf,
  tick,
  timersOf,
} from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('a held tender at its deadline', () => {
  it('is not closed while suspended, and is closed at once after RESUME', async () => {
    const tenderId = await createPublished(t)
    expect((await post(t, `${tenderId}/suspend`, 'supervisor', { reason: '收到投诉' })).status).toBe(200)
    const deadline = await deadlineOf(t, tenderId)
    t.clock.set(new Date(Date.parse(deadline) + days(2)))

    expect(await tick(t)).toEqual([])
    expect(await stateOf(t, tenderId)).toBe('bidding')

    expect((await post(t, `${tenderId}/resume`, 'supervisor', { reason: '处理完毕' })).status).toBe(200)
    expect(await pendingTimersOf(t, tenderId)).toEqual([
      { kind: 'close_bidding', status: 'pending', dueAt: deadline, lastError: null },
    ])
    const fired = await tick(t)
    expect(fired.map((f) => f.outcome)).toEqual(['fired'])
    expect(await stateOf(t, tenderId)).toBe('failed')
    const [close] = await eventsOf(t, tenderId, 'CLOSE_BIDDING')
    expect(close?.data.at).toBe(t.clock.now().toISOString())
    expect((await timersOf(t, tenderId)).map((timer) => timer.status)).toEqual(['cancelled', 'done'])
  })

  it('is not closed while an objection to the documents is pending, and is closed once answered', async () => {
    const tenderId = await createPublished(t)
    const raised = await post(t, `${tenderId}/objections`, 'bidder2', {
      stage: 'documents',
      summary: '资格条件中要求的业绩类型排斥潜在投标人',
    })
    expect(raised.status).toBe(201)
    t.clock.set(new Date(Date.parse(await deadlineOf(t, tenderId)) + 60_000))

    expect(await tick(t)).toEqual([])
    expect(await stateOf(t, tenderId)).toBe('bidding')

    const objectionId = raised.body.id as string
    const answered = await post(t, `${tenderId}/objections/${objectionId}/answer`, 'purchaser', {
      answer: '经复核，资格条件符合有关规定，异议不成立。',
      upheld: false,
    })
    expect(answered.status).toBe(200)
    await tick(t)
    expect(await stateOf(t, tenderId)).toBe('failed')
  })
})
