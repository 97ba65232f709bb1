// An auditor re-derives every hash of a tender's history with Node's own crypto and a few lines of
// RFC 8785, using nothing of ours but the HTTP answer.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

// A deliberately separate canonicaliser (keys sorted, no whitespace): what a third party would write.
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

describe('independent verification of a history', () => {
  it('every hash re-derives from the verbatim export and every link holds', async () => {
    const id = await createPublished(t)
    await t.http
      .post(`/api/v1/tenders/${id}/cancel`)
      .set('authorization', `Bearer ${await t.token('purchaser')}`)
      .send({ reason: '测试' })
    const res = await t.http
      .get(`/api/v1/tenders/${id}/history`)
      .set('authorization', `Bearer ${await t.token('auditor')}`)
    expect(res.status).toBe(200)
    const { streamId, events } = res.body as { streamId: string; events: Record<string, unknown>[] }
    expect(events.map((e) => e.type)).toEqual(['TENDER_CREATED', 'PUBLISH', 'CANCEL'])
    let prev = '0'.repeat(64)
    for (const e of events) {
      const body = {
        streamId,
        seq: e.seq,
        type: e.type,
        data: e.data,
        meta: e.meta,
        recordedAt: e.recordedAt,
        prevHash: e.prevHash,
      }
      expect(e.prevHash).toBe(prev)
      expect(createHash('sha256').update(jcs(body)).digest('hex')).toBe(e.hash)
      prev = e.hash as string
    }
  })

  it('the purchaser gets the history without ip and request id', async () => {
    const id = await createPublished(t)
    const res = await t.http
      .get(`/api/v1/tenders/${id}/history`)
      .set('authorization', `Bearer ${await t.token('purchaser')}`)
    expect(res.body.events[0].meta).toBeUndefined()
    expect(res.body.events[0].actor).toMatchObject({ roles: ['purchaser'] })
  })
})
