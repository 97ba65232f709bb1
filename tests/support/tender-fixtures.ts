// Request bodies and small HTTP steps shared by tests that need a tender.
import { DAY_MS } from '../../src/shared/clock.ts'
import type { TestApp } from './test-app.ts'

export const draftBody = {
  reference: 'NHSZ-2026-018',
  title: '南海区桂澜路市政道路改造工程施工',
  description: '桂澜路（海八路至佛平路段）道路改造，全长2.3公里',
  category: 'works',
  estimatedValueFen: '3850000000',
  ceilingPriceFen: '4000000000',
}

export function publishBody(t: TestApp, days = 21) {
  return {
    deadline: new Date(t.clock.now().getTime() + days * DAY_MS).toISOString(),
    evaluationMethod: 'comprehensive',
    awardMethod: 'simpleMajority',
    awardFactors: ['投标报价', '企业信用'],
  }
}

export async function createDraft(t: TestApp, body: Record<string, unknown> = draftBody): Promise<string> {
  const res = await t.http
    .post('/api/v1/tenders')
    .set('authorization', `Bearer ${await t.token('purchaser')}`)
    .send(body)
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id as string
}

export async function createPublished(t: TestApp, days = 21): Promise<string> {
  const id = await createDraft(t)
  const res = await t.http
    .post(`/api/v1/tenders/${id}/publish`)
    .set('authorization', `Bearer ${await t.token('purchaser')}`)
    .send(publishBody(t, days))
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`)
  return id
}

export async function eventCount(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
