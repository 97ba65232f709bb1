// Two commands racing on one tender: the row lock serialises them, so exactly one wins and the
// other sees the new state. Real connections are needed, so this runs on PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { verifyChain } from '../../src/events/hash-chain.ts'
import { createDraft, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres } from '../support/test-database.ts'

describe.runIf(onPostgres)('racing commands on one tender (PostgreSQL)', () => {
  let t: TestApp
  let purchaser: string
  beforeAll(async () => {
    t = await startTestApp()
    purchaser = `Bearer ${await t.token('purchaser')}`
  })
  afterAll(() => t.close())

  it('of 8 concurrent PUBLISH commands exactly one is accepted, 7 get 409 and the chain stays whole', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await createDraft(t)
      const body = publishBody(t)
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          t.http.post(`/api/v1/tenders/${id}/publish`).set('authorization', purchaser).send(body),
        ),
      )
      const statuses = answers.map((a) => a.status).sort()
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
      for (const loser of answers.filter((a) => a.status === 409)) {
        expect(loser.body).toMatchObject({ code: 'illegal_transition', state: 'bidding' })
      }
      const events = await readStream(t.database.db, `tender-${id}`)
      expect(events.map((e) => e.type)).toEqual(['TENDER_CREATED', 'PUBLISH'])
      expect(verifyChain(events).ok).toBe(true)
    }
  })

  it('CANCEL racing PUBLISH: one order or the other, never both lost or a torn projection', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await createDraft(t)
      const [publish, cancel] = await Promise.all([
        t.http.post(`/api/v1/tenders/${id}/publish`).set('authorization', purchaser).send(publishBody(t)),
        t.http.post(`/api/v1/tenders/${id}/cancel`).set('authorization', purchaser).send({ reason: '撤回' }),
      ])
      expect(cancel.status).toBe(200)
      expect([200, 409]).toContain(publish.status)
      const tender = (await t.http.get(`/api/v1/tenders/${id}`).set('authorization', purchaser)).body
      const events = await readStream(t.database.db, `tender-${id}`)
      expect(tender).toMatchObject({ state: 'cancelled', version: events.length })
      expect(events.at(-1)?.type).toBe('CANCEL')
    }
  })
})
