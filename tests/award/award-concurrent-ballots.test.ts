// Members vote at the same moment: each ballot waits for the tender row lock, none is lost or refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres } from '../support/test-database.ts'
import { type AwardingTender, chairRound, get, openMeeting, post, reachAwarding } from './support.ts'

// Needs several real connections; PGlite serialises everything on one.
describe.runIf(onPostgres)('concurrent ballots', () => {
  let t: TestApp
  let tender: AwardingTender

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
  })
  afterEach(async () => t.close())

  it("records every member's ballot once when all vote together", async () => {
    const members = await openMeeting(t, tender.tenderId)
    const url = `/api/v1/tenders/${tender.tenderId}/award/ballots`
    const results = await Promise.all(
      members.map((member, i) =>
        post(t, member, url, { candidateBidId: tender.candidates[i % 2]!, reason: '同时投票' }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const seqs = results.map((r) => r.body.event.seq).sort((x, y) => x - y)
    expect(new Set(seqs).size).toBe(5)
    const view = (await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award`)).body
    expect(view.rounds[0]).toMatchObject({ complete: true, tally: null })
    // one tally, revealed by the chair's close
    await chairRound(t, tender.tenderId, members[0]!, 'close')
    const closed = (await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award`)).body
    expect(closed.rounds[0].tally.slice(0, 2)).toEqual([
      { bidId: tender.candidates[0], votes: 3 },
      { bidId: tender.candidates[1], votes: 2 },
    ])
  })
})
