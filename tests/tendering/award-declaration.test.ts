// PUBLISH freezes the award declaration (定标办法) in the chain: a declared pipeline as sent, or the
// implied one spelt out; a method that needs parameters, or a declaration whose last stage is not the
// award method, is refused beside its field and nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lastTenderEvent } from '../award/support.ts'
import { createDraft, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function publish(body: Record<string, unknown>) {
  const id = await createDraft(t)
  const res = await t.http
    .post(`/api/v1/tenders/${id}/publish`)
    .set('authorization', `Bearer ${await t.token('purchaser')}`)
    .send({ ...publishBody(t), ...body })
  return { id, res }
}

const pipeline = {
  stages: [
    { parameters: { method: 'simpleMajority', threshold: 'plurality' }, shortlist: 3 },
    { parameters: { method: 'simpleMajority', threshold: 'absoluteMajority' }, shortlist: null },
  ],
  tieBreaks: [{ rule: 'revote', times: 1 }, { rule: 'lowerBidPrice' }, { rule: 'chairCastingVote' }],
}

describe('the award declaration at publish', () => {
  it('records the implied declaration in the PUBLISH event when only the method is named', async () => {
    const { id, res } = await publish({})
    expect(res.status).toBe(200)
    const event = await lastTenderEvent(t, id)
    expect(event.type).toBe('PUBLISH')
    expect(event.data.award).toEqual({
      stages: [{ parameters: { method: 'simpleMajority', threshold: 'plurality' }, shortlist: null }],
      tieBreaks: [{ rule: 'revote', times: 2 }, { rule: 'lowerBidPrice' }],
    })
    const view = await t.http.get(`/api/v1/tenders/${id}`)
    expect(view.body.award).toEqual(event.data.award)
  })

  it('freezes a declared two-stage pipeline as sent', async () => {
    const { id, res } = await publish({ award: pipeline })
    expect(res.status).toBe(200)
    expect((await lastTenderEvent(t, id)).data.award).toEqual(pipeline)
    expect((await t.http.get(`/api/v1/tenders/${id}`)).body.award).toEqual(pipeline)
  })

  it('refuses a declaration whose last stage is not the award method', async () => {
    const award = {
      ...pipeline,
      stages: [pipeline.stages[0], { parameters: { method: 'pairwise' }, shortlist: null }],
    }
    const { res } = await publish({ award })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body)).toContain('award.stages')
  })

  it('refuses a malformed declaration by its schema', async () => {
    const { res } = await publish({
      award: { stages: [{ parameters: { method: 'cumulative' }, shortlist: null }] },
    })
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })
})
