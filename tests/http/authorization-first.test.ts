// Whose thing it is comes before anything else is said about it: a caller without the relation gets
// 403/404 whatever the state, never the 409/422 that would tell it how the tender or a bid stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../src/shared/ids.ts'
import { bearer, createDraft, createPublished, passDeadline, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const withdraw = async (tenderId: string, bidId: string, username: string) =>
  t.http.delete(`/api/v1/tenders/${tenderId}/bids/${bidId}`).set('authorization', await bearer(t, username))

const post = async (url: string, username: string, body: Record<string, unknown>) =>
  t.http
    .post(url)
    .set('authorization', await bearer(t, username))
    .send(body)

/** The problem with the one id it names blanked, so two answers compare as the caller sees them. */
const problem = (res: { status: number; body: Record<string, unknown> }, id: string) => ({
  status: res.status,
  code: res.body.code,
  detail: String(res.body.detail).replace(id, '<bid>'),
})

describe('withdrawing a bid that is not yours', () => {
  it("answers another bidder's bid and a missing one alike, before and after the deadline", async () => {
    const tenderId = await createPublished(t)
    const bid = await submitOk(t, tenderId, 'bidder1')
    const missing = newId('bid')
    const before = [await withdraw(tenderId, bid.id, 'bidder2'), await withdraw(tenderId, missing, 'bidder2')]
    await passDeadline(t, tenderId)
    const after = [await withdraw(tenderId, bid.id, 'bidder2'), await withdraw(tenderId, missing, 'bidder2')]
    const expected = {
      status: 404,
      code: 'not_found',
      detail: `bid <bid> does not exist on tender ${tenderId}`,
    }
    expect(problem(before[0]!, bid.id)).toEqual(expected)
    expect(problem(before[1]!, missing)).toEqual(expected)
    expect(problem(after[0]!, bid.id)).toEqual(expected)
    expect(problem(after[1]!, missing)).toEqual(expected)
    // Its own bidder still learns that the window has closed.
    const own = await withdraw(tenderId, bid.id, 'bidder1')
    expect({ status: own.status, code: own.body.code }).toEqual({ status: 409, code: 'bidding_closed' })
  })
})

describe('a command on a draft the caller cannot see', () => {
  it('reads as a tender that does not exist, not as a refusal', async () => {
    const draft = await createDraft(t)
    const missing = newId('tnd')
    for (const [id, res] of [
      [draft, await post(`/api/v1/tenders/${draft}/cancel`, 'bidder1', { reason: '试探' })],
      [missing, await post(`/api/v1/tenders/${missing}/cancel`, 'bidder1', { reason: '试探' })],
    ] as const) {
      expect({ status: res.status, code: res.body.code, detail: res.body.detail }).toEqual({
        status: 404,
        code: 'not_found',
        detail: `tender ${id} does not exist`,
      })
    }
  })
})

describe('commands the state refuses, sent by someone without the relation', () => {
  // On a tender still in bidding: no committee, no objection, no question: each refused by who sends it.
  const cases: [string, string, Record<string, unknown>][] = [
    ['award/ballots', 'member1', { candidateBidId: newId('bid'), reason: '理由' }],
    ['award/check-in', 'member1', {}],
    ['award/recusal', 'member1', { reason: '理由' }],
    ['award/rounds/1/open', 'member1', {}],
    ['award/rounds/1/close', 'member1', {}],
    ['award/revote', 'member1', {}],
    ['award/decision', 'member1', { winnerBidId: newId('bid'), reasons: '理由' }],
    ['evaluation/scores', 'expert1', { scores: [{ bidId: newId('bid'), score: 80, comment: '好' }] }],
    ['evaluation/declarations', 'expert1', { noConflict: true }],
    ['evaluation/rejections', 'expert1', { bidId: newId('bid'), ground: '理由' }],
    [`objections/${newId('obj')}/answer`, 'bidder1', { answer: '答复', upheld: false }],
    [`questions/${newId('qst')}/answer`, 'bidder1', { answer: '答复' }],
    ['close-bidding', 'bidder1', {}],
    ['award-notice', 'bidder1', {}],
    ['contract', 'member1', { contractRef: 'HT-1' }],
  ]
  it.each(cases)('%s by %s answers 403, not the state', async (path, username, body) => {
    const tenderId = await createPublished(t)
    const res = await post(`/api/v1/tenders/${tenderId}/${path}`, username, body)
    expect({ status: res.status, type: res.type }).toEqual({ status: 403, type: 'application/problem+json' })
  })

  it('a purchaser asking or objecting on its own tender after the deadline answers 403', async () => {
    const tenderId = await createPublished(t)
    await passDeadline(t, tenderId)
    const asked = await post(`/api/v1/tenders/${tenderId}/questions`, 'purchaser', { question: '问题' })
    const objected = await post(`/api/v1/tenders/${tenderId}/objections`, 'purchaser', {
      stage: 'documents',
      summary: '异议',
    })
    expect([asked.status, objected.status]).toEqual([403, 403])
  })
})
