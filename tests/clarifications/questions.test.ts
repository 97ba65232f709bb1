// Given a published tender, when bidders ask and the purchaser answers, then everyone who can see the
// tender reads the questions and answers but only the asker (mine) and oversight learn who asked —
// not even the tender's event history names the asker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { createPublished, get, passDeadline, post, snapshotCounts } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const QUESTION = '图纸第12页的路面结构层厚度与工程量清单不一致，以哪个为准？'

describe('questions and answers', () => {
  let tenderId: string
  let questionId: string

  beforeAll(async () => {
    tenderId = await createPublished(t)
    const res = await post(t, `${tenderId}/questions`, 'bidder1', { question: QUESTION })
    expect(res.status).toBe(201)
    expect(res.body.event.type).toBe('QUESTION_ASKED')
    questionId = res.body.id
  })

  it("records QUESTION_ASKED without the asker's identity in the event", async () => {
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    const asked = events.find((e) => e.type === 'QUESTION_ASKED')
    expect(asked?.data).toMatchObject({ questionId })
    const bidder1 = demoOrg('bidder1')
    expect(JSON.stringify(asked)).not.toContain(bidder1.id)
    expect(JSON.stringify(asked)).not.toContain('bidder1')
  })

  it('shows the question to the public and other bidders without its asker', async () => {
    for (const username of [null, 'bidder2', 'purchaser']) {
      const res = await get(t, `${tenderId}/questions`, username)
      expect(res.status).toBe(200)
      expect(res.body.items).toEqual([
        expect.objectContaining({ id: questionId, question: QUESTION, answer: null, mine: false }),
      ])
      expect(res.body.items[0].askerOrgId).toBeUndefined()
      expect(JSON.stringify(res.body)).not.toContain(demoOrg('bidder1').id)
    }
  })

  it('tells the asker it is its own, and oversight who asked', async () => {
    const asker = await get(t, `${tenderId}/questions`, 'bidder1')
    expect(asker.body.items[0]).toMatchObject({ mine: true, askerOrgId: demoOrg('bidder1').id })
    const auditor = await get(t, `${tenderId}/questions`, 'auditor')
    expect(auditor.body.items[0]).toMatchObject({ mine: false, askerOrgId: demoOrg('bidder1').id })
  })

  it('lets the purchaser answer once; the answer is public', async () => {
    const answer = { answer: '以图纸为准，工程量清单随澄清文件更正。' }
    const res = await post(t, `${tenderId}/questions/${questionId}/answer`, 'purchaser', answer)
    expect(res.status).toBe(200)
    expect(res.body.event.type).toBe('QUESTION_ANSWERED')
    const list = await get(t, `${tenderId}/questions`, 'bidder3')
    expect(list.body.items[0]).toMatchObject({ answer: answer.answer })
    expect(list.body.items[0].answeredAt).toBe(t.clock.now().toISOString())

    const before = await snapshotCounts(t)
    const again = await post(t, `${tenderId}/questions/${questionId}/answer`, 'purchaser', answer)
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('already_answered')
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it("refuses a question from a purchaser, and answers from anyone but the tender's purchaser", async () => {
    const asPurchaser = await post(t, `${tenderId}/questions`, 'purchaser', { question: '自问自答？' })
    expect(asPurchaser.status).toBe(403)
    const second = await post(t, `${tenderId}/questions`, 'bidder2', { question: '工期能否调整？' })
    const qid = second.body.id
    const asBidder = await post(t, `${tenderId}/questions/${qid}/answer`, 'bidder1', { answer: '不能' })
    expect(asBidder.status).toBe(403)
  })

  it('closes questions at the deadline (422 deadline_passed, from the rules)', async () => {
    const late = await createPublished(t)
    await passDeadline(t, late)
    const before = await snapshotCounts(t)
    const res = await post(t, `${late}/questions`, 'bidder1', { question: QUESTION })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'deadline_passed', rule: 'bidDeadline' })
    expect(await snapshotCounts(t)).toEqual(before)
  })
})
