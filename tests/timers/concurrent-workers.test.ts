// Given several tenders past their deadline, when three workers (as on three app instances) tick at the
// same moment, or one races the operator closing by hand, then each tender is closed exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres } from '../support/test-database.ts'
import { createPublished, deadlineOf, eventsOf, post, stateOf, tick } from './support.ts'

// PGlite has one session, so the claims would only take turns; the race needs real connections.
describe.runIf(onPostgres)('workers ticking at once', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('close each tender exactly once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push(await createPublished(t))
    t.clock.set(new Date(Date.parse(await deadlineOf(t, ids.at(-1)!)) + 1_000))

    for (let round = 0; round < 3; round++) {
      const results = (await Promise.all([tick(t), tick(t), tick(t)])).flat()
      if (round > 0) expect(results).toEqual([])
      else expect(results.map((r) => r.outcome)).toEqual(ids.map(() => 'fired'))
    }
    for (const id of ids) {
      expect(await stateOf(t, id)).toBe('failed')
      expect(await eventsOf(t, id, 'CLOSE_BIDDING')).toHaveLength(1)
    }
  })

  it('close once when a worker races the operator closing by hand', async () => {
    for (let run = 0; run < 5; run++) {
      const id = await createPublished(t)
      t.clock.set(new Date(Date.parse(await deadlineOf(t, id)) + 1_000))
      const [byHand, fired] = await Promise.all([post(t, `${id}/close-bidding`, 'operator'), tick(t)])
      const timerWon = fired.some((f) => f.timer.tenderId === id && f.outcome === 'fired')
      expect(byHand.status).toBe(timerWon ? 409 : 200)
      expect(await eventsOf(t, id, 'CLOSE_BIDDING')).toHaveLength(1)
    }
  })
})
