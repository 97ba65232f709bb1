// The fast path judges the bid window with its one rule (state-machines/bid-window.ts) on the tender's
// facts as last seen, and its statement takes the bid only while the tender is still at the version
// judged. Given a tender that moved on since (a question, a suspension, a new deadline, the deadline
// passing), then each bid gets the answer the rule gives on the facts as they are now: accepted after
// one more statement, refused with the hold, accepted at the new deadline without a refused statement,
// refused without reaching the statement. The facts read are the tender machine's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { readBidWindow } from '../../src/tenders/tender-context-repository.ts'
import { post, submit, submitOk } from '../support/bidding.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** A published tender whose window the app has seen (one bid accepted), and its deadline. */
async function seenTender() {
  const id = await createPublished(t)
  await submitOk(t, id, 'bidder1')
  const deadline = (await t.http.get(`/api/v1/tenders/${id}`)).body.deadline as string
  return { id, deadline }
}

const statements = () => t.fastPath.acceptance.stats()

describe('the fast path judges the window on the facts at the version it holds', () => {
  it('sends a bid round again after a tender event that leaves the window open, and accepts it', async () => {
    const { id } = await seenTender()
    expect((await post(t, `${id}/questions`, 'bidder3', { question: '工期能否调整？' })).status).toBe(201)
    const before = statements()
    const res = await submit(t, id, 'bidder2')
    expect(res.status).toBe(201)
    const after = statements()
    expect(after.batches - before.batches).toBe(2) // refused at the old version, accepted at the new
  })

  it('refuses a bid on a tender suspended since, with the hold the rule names', async () => {
    const { id } = await seenTender()
    expect((await post(t, `${id}/suspend`, 'supervisor', { reason: '收到投诉' })).status).toBe(200)
    const res = await submit(t, id, 'bidder2')
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'tender_suspended', rule: 'hold', limit: 'RESUME' })
    const bids = await t.database.db.selectFrom('bids').select('id').where('tender_id', '=', id).execute()
    expect(bids).toHaveLength(1)
  })

  it('accepts a bid past the old deadline at the new one, reading the facts again first', async () => {
    const { id, deadline } = await seenTender()
    const newDeadline = new Date(Date.parse(deadline) + 7 * DAY_MS).toISOString()
    const extended = await post(t, `${id}/extend-deadline`, 'purchaser', { newDeadline, reason: '澄清答疑' })
    expect(extended.status).toBe(200)
    t.clock.set(new Date(Date.parse(deadline) + 60_000))
    const before = statements()
    const res = await submit(t, id, 'bidder2')
    expect(res.status).toBe(201)
    expect(statements().batches - before.batches).toBe(1) // no statement on the stale facts
    const [submitted] = await readStream(t.database.db, `bid-${res.body.bid.id}`)
    expect(submitted?.data).toMatchObject({ deadline: newDeadline })
  })

  it('refuses a bid after the deadline without a statement: 409 bidding_closed', async () => {
    const { id, deadline } = await seenTender()
    t.clock.set(deadline)
    const before = statements()
    const res = await submit(t, id, 'bidder2')
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'bidding_closed', rule: 'bidWindow', limit: deadline })
    expect(statements().batches).toBe(before.batches)
  })
})

describe('the facts the rule judges', () => {
  it('are the tender machine context: state, deadline, suspension, pending objections, version', async () => {
    const id = await createPublished(t)
    expect(
      (await post(t, `${id}/objections`, 'bidder1', { stage: 'documents', summary: '排斥' })).status,
    ).toBe(201)
    expect((await post(t, `${id}/suspend`, 'supervisor', { reason: '收到投诉' })).status).toBe(200)
    const view = (await t.http.get(`/api/v1/tenders/${id}`)).body
    const facts = await readBidWindow(t.database.db, id)
    expect(facts).toMatchObject({
      id,
      state: view.state,
      version: view.version,
      deadline: view.deadline,
      suspended: true,
      pendingObjections: [expect.objectContaining({ stage: 'documents' })],
    })
    expect(facts?.pendingObjections).toHaveLength(view.pendingObjections)
  })
})
