// A bidder's question is anonymous in the tender's history, yet who asked and from where is kept in
// the append-only audit log (电子招标投标办法 Art 49), and the text is bound to the event by its hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { sha256Hex } from '../../src/events/hash-chain.ts'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('a question asked by a bidder', () => {
  it('is withheld in the event, hashed into it, and attributed in the audit log', async () => {
    const id = await createPublished(t)
    const question = '工期是否可以分段验收？'
    const res = await t.http
      .post(`/api/v1/tenders/${id}/questions`)
      .set('authorization', `Bearer ${await t.token('bidder4')}`)
      .send({ question })
    expect(res.status).toBe(201)
    const questionId = res.body.id as string

    const asked = (await readStream(t.database.db, `tender-${id}`)).find((e) => e.type === 'QUESTION_ASKED')
    expect(asked?.data).toMatchObject({ questionId, contentHash: sha256Hex(question) })
    expect(JSON.stringify(asked?.meta)).not.toContain(demoOrg('bidder4').id)

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', questionId)
      .executeTakeFirstOrThrow()
    const bidder4 = DEMO_USERS.find((u) => u.username === 'bidder4')!
    expect(audit).toMatchObject({ action: 'question.asked', actor_user_id: bidder4.id })
    expect(audit.actor_ip).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/)
    expect(audit.details).toMatchObject({ orgId: demoOrg('bidder4').id })
  })
})
