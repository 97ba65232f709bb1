// Given candidates (or the result) in publicity, when the worker ticks, then publicity ends only once its
// period is over: candidates → awarding, result → awarded, each timer done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openMeeting, post, reachAwarding, voteRound } from '../award/support.ts'
import { tenderInPublicity } from '../evaluation/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { eventsOf, pendingTimersOf, stateOf, tick, timersOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function publicityEndsAt(tenderId: string): Promise<string> {
  const [timer] = await pendingTimersOf(t, tenderId)
  expect(timer?.kind).toBe('end_publicity')
  return timer!.dueAt
}

describe('ending publicity by timer', () => {
  it('ends candidate publicity at its end time and not before', async () => {
    const { id } = await tenderInPublicity(t)
    const endsAt = await publicityEndsAt(id)
    t.clock.set(new Date(Date.parse(endsAt) - 1))
    expect(await tick(t)).toEqual([])
    expect(await stateOf(t, id)).toBe('candidatePublicity')

    t.clock.set(endsAt)
    expect((await tick(t)).map((f) => f.outcome)).toEqual(['fired'])
    expect(await stateOf(t, id)).toBe('awarding')
    expect(await eventsOf(t, id, 'END_PUBLICITY')).toHaveLength(1)
    expect(await timersOf(t, id)).toContainEqual({
      kind: 'end_publicity',
      status: 'done',
      dueAt: endsAt,
      lastError: null,
    })
  })

  it('ends the result publicity after the decision', async () => {
    const { tenderId, candidates } = await reachAwarding(t)
    expect(await pendingTimersOf(t, tenderId)).toEqual([])
    const members = await openMeeting(t, tenderId)
    await voteRound(
      t,
      tenderId,
      members,
      members.map(() => candidates[0]!),
    )
    const decided = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/decision`, {
      winnerBidId: candidates[0],
      reasons: '定标委员会一致同意',
    })
    expect(decided.status).toBe(200)
    const endsAt = await publicityEndsAt(tenderId)
    t.clock.set(endsAt)
    await tick(t)
    expect(await stateOf(t, tenderId)).toBe('awarded')
    expect(await pendingTimersOf(t, tenderId)).toEqual([])
  })
})
