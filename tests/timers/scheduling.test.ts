// Given tender commands, then the tender's timer follows them in the same transaction: publish creates a
// close_bidding timer at the deadline, an extension moves it, a hold removes it until RESUME, cancel ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { bearer, createPublished, days, deadlineOf, pendingTimersOf, timersOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const command = async (tenderId: string, action: string, username: string, body: object) =>
  t.http
    .post(`/api/v1/tenders/${tenderId}/${action}`)
    .set('authorization', await bearer(t, username))
    .send(body)

describe('scheduling timers with tender commands', () => {
  it('creates no timer for a draft and one close_bidding timer at the deadline on publish', async () => {
    const tenderId = await createPublished(t)
    expect(await timersOf(t, tenderId)).toEqual([
      { kind: 'close_bidding', status: 'pending', dueAt: await deadlineOf(t, tenderId), lastError: null },
    ])
  })

  it('moves the timer when the purchaser extends the deadline', async () => {
    const tenderId = await createPublished(t)
    const newDeadline = new Date(Date.parse(await deadlineOf(t, tenderId)) + days(7)).toISOString()
    const res = await command(tenderId, 'extend-deadline', 'purchaser', { newDeadline, reason: '顺延' })
    expect(res.status).toBe(200)
    expect(await timersOf(t, tenderId)).toEqual([
      { kind: 'close_bidding', status: 'pending', dueAt: newDeadline, lastError: null },
    ])
  })

  it('cancels the timer when the tender is cancelled', async () => {
    const tenderId = await createPublished(t)
    const res = await command(tenderId, 'cancel', 'purchaser', { reason: '项目资金安排调整' })
    expect(res.status).toBe(200)
    expect(await pendingTimersOf(t, tenderId)).toEqual([])
    expect((await timersOf(t, tenderId)).map((timer) => timer.status)).toEqual(['cancelled'])
  })

  it('removes the timer while suspended and brings it back, at the same deadline, on resume', async () => {
    const tenderId = await createPublished(t)
    const deadline = await deadlineOf(t, tenderId)
    expect((await command(tenderId, 'suspend', 'supervisor', { reason: '收到投诉' })).status).toBe(200)
    expect(await pendingTimersOf(t, tenderId)).toEqual([])
    expect((await command(tenderId, 'resume', 'supervisor', { reason: '投诉处理完毕' })).status).toBe(200)
    expect(await pendingTimersOf(t, tenderId)).toEqual([
      { kind: 'close_bidding', status: 'pending', dueAt: deadline, lastError: null },
    ])
  })

  it('leaves the timer alone on a refused command', async () => {
    const tenderId = await createPublished(t)
    const before = await timersOf(t, tenderId)
    const earlier = new Date(Date.parse(await deadlineOf(t, tenderId)) - days(1)).toISOString()
    const res = await command(tenderId, 'extend-deadline', 'purchaser', {
      newDeadline: earlier,
      reason: '提前',
    })
    expect(res.status).toBe(422)
    expect(await timersOf(t, tenderId)).toEqual(before)
  })
})
