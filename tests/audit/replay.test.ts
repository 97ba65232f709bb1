// GET tenders/{id}/replay: the chain verifies, the machine accepts every event and lands on the
// stored projection, and every recorded draw re-runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decideAndPublish, get, openMeeting, post, reachAwarding } from '../award/support.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

describe('GET tenders/{id}/replay', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await startTestApp()
  })
  afterEach(async () => t.close())

  it('verifies a fresh tender', async () => {
    const tenderId = await createPublished(t)
    const res = await get(t, 'auditor', `/api/v1/tenders/${tenderId}/replay`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      tenderId,
      ok: true,
      chain: { ok: true, length: 2, firstBadSeq: null, problem: null },
      replay: {
        ok: true,
        eventsReplayed: 2,
        finalState: 'bidding',
        matchesProjection: true,
        firstRejectedSeq: null,
      },
      draws: { ok: true, checked: [] },
    })
  })

  it('verifies a whole award through to the contract, draws included', async () => {
    // given a tender taken to completion with an expert draw and an award-committee draw
    const tender = await reachAwarding(t)
    const members = await openMeeting(t, tender.tenderId)
    await decideAndPublish(t, tender.tenderId, members, tender.candidates[0]!)
    await post(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award-notice`)
    await post(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/contract`, { contractRef: 'HT-2026-001' })
    // when the supervisor replays it
    const res = await get(t, 'supervisor', `/api/v1/tenders/${tender.tenderId}/replay`)
    // then everything holds
    expect(res.status).toBe(200)
    expect(res.body.ok).toBe(true)
    expect(res.body.replay).toMatchObject({ finalState: 'completed', matchesProjection: true })
    expect(res.body.replay.eventsReplayed).toBe(res.body.chain.length)
    expect(res.body.draws.checked.map((d: { type: string; ok: boolean }) => [d.type, d.ok])).toEqual([
      ['DRAW_EXPERTS', true],
      ['FORM_AWARD_COMMITTEE', true],
    ])
  })

  it('is closed to bidders', async () => {
    const tenderId = await createPublished(t)
    expect((await get(t, 'bidder1', `/api/v1/tenders/${tenderId}/replay`)).status).toBe(403)
  })
})
