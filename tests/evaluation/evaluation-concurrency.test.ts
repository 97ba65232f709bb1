// Given simultaneous evaluation commands, then the tender's row lock serialises them: one draw wins,
// and every expert's scores land. Real PostgreSQL only: PGlite has a single connection, so nothing races.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres } from '../support/test-database.ts'
import { auth, declareAll, drawCommittee, evaluationOf, score, tenderInEvaluation } from './support.ts'

describe.runIf(onPostgres)('concurrent evaluation commands', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('draws the committee once when two draws race', async () => {
    const { id } = await tenderInEvaluation(t)
    const purchaser = await auth(t, 'purchaser')
    const operator = await auth(t, 'operator')
    const url = `/api/v1/tenders/${id}/evaluation/committee`
    const results = await Promise.all([
      t.http.post(url).set('authorization', purchaser).send({}),
      t.http.post(url).set('authorization', operator).send({}),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(results.find((r) => r.status === 409)!.body.code).toBe('committee_already_drawn')
  })

  it("records every expert's scores when all five submit at once", async () => {
    const tender = await tenderInEvaluation(t)
    const members = await drawCommittee(t, tender.id)
    await declareAll(t, tender.id, members)
    const bidIds = tender.bids.map((b) => b.bidId)
    const results = await Promise.all(
      members.map((m, i) =>
        score(
          t,
          tender.id,
          m,
          bidIds,
          bidIds.map(() => 70 + i),
        ),
      ),
    )
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const view = await evaluationOf(t, tender.id)
    expect(view.body.bids[0].scores).toEqual({ count: 5, mean: '72.00', min: 70, max: 74 })
  })
})
