// Given a sealed bid, when a bid command breaks a rule of the bid window or of the bid machine, then the
// API answers the refusal the rule names: its code, the rule's limit and its source. Late changes and
// holds are refused by the bid window, which the bid machine's own guards name alike; an opening before
// the deadline a bid was submitted under is refused by the bid machine itself, whatever the tender's
// projection says (an insider moved its deadline earlier behind the platform's back).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, days, post, submit, submitOk } from '../support/bidding.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { deadlineOf, expectRefusal, tenderCommand } from './guard-refusals-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const withdraw = async (tenderId: string, bidId: string, username: string) =>
  t.http.delete(`/api/v1/tenders/${tenderId}/bids/${bidId}`).set('authorization', await bearer(t, username))

const WINDOW = expect.stringContaining('法 Art 28, 29')

describe('bid changes after the deadline', () => {
  it('a replacement after the deadline: 409 bidding_closed, the deadline as the limit', async () => {
    const id = await createPublished(t)
    await submitOk(t, id, 'bidder1')
    const deadline = await deadlineOf(t, id)
    t.clock.set(new Date(Date.parse(deadline) + 1000))
    const res = await submit(t, id, 'bidder1')
    expectRefusal(res, { status: 409, code: 'bidding_closed', limit: deadline, source: WINDOW })
    expect(res.body).toMatchObject({ rule: 'bidWindow', deadline, serverTime: t.clock.now().toISOString() })
  })

  it('a withdrawal after the deadline: 409 bidding_closed, the deadline as the limit', async () => {
    const id = await createPublished(t)
    const bid = await submitOk(t, id, 'bidder1')
    const deadline = await deadlineOf(t, id)
    t.clock.set(deadline)
    const res = await withdraw(id, bid.id, 'bidder1')
    expectRefusal(res, { status: 409, code: 'bidding_closed', limit: deadline, source: WINDOW })
  })

  it('a bid on a cancelled tender: 409 bidding_closed, naming the state', async () => {
    const id = await createPublished(t)
    const deadline = await deadlineOf(t, id)
    expect((await tenderCommand(t, id, 'cancel', 'purchaser', { reason: '项目取消' })).status).toBe(200)
    const res = await submit(t, id, 'bidder1')
    expectRefusal(res, { status: 409, code: 'bidding_closed', limit: deadline, source: WINDOW })
    expect(res.body).toMatchObject({ state: 'cancelled' })
  })
})

describe('bid changes while the tender is held', () => {
  it('a withdrawal while suspended: 409 tender_suspended, until RESUME (实施条例 Art 62)', async () => {
    const id = await createPublished(t)
    const bid = await submitOk(t, id, 'bidder1')
    expect((await tenderCommand(t, id, 'suspend', 'supervisor', { reason: '收到投诉' })).status).toBe(200)
    const res = await withdraw(id, bid.id, 'bidder1')
    const source = expect.stringContaining('实施条例 Art 62')
    expectRefusal(res, { status: 409, code: 'tender_suspended', limit: 'RESUME', source })
  })

  it('a replacement or withdrawal while an objection is pending: 409 tender_held_by_objection', async () => {
    const id = await createPublished(t)
    const bid = await submitOk(t, id, 'bidder2')
    const raised = await post(t, `${id}/objections`, 'bidder1', { stage: 'documents', summary: '排斥' })
    const objectionId = raised.body.id as string
    const source = expect.stringContaining('实施条例 Art 22')
    const held = { status: 409, code: 'tender_held_by_objection', limit: objectionId, source }
    expectRefusal(await submit(t, id, 'bidder2'), held)
    expectRefusal(await withdraw(id, bid.id, 'bidder2'), held)
  })
})

describe('the bid machine at opening', () => {
  it('refuses to open a bid before the deadline it was submitted under: 422 opening_before_deadline', async () => {
    const id = await createPublished(t)
    for (const bidder of ['bidder1', 'bidder2', 'bidder3']) await submitOk(t, id, bidder)
    const deadline = await deadlineOf(t, id)
    // The insider: the projection's deadline (row and snapshot) a day earlier than the one bids were made to.
    const earlier = new Date(Date.parse(deadline) - days(1)).toISOString()
    await sql`update tenders set deadline = ${earlier}::timestamptz,
      snapshot = jsonb_set(snapshot, '{context,deadline}', to_jsonb(${earlier}::text)) where id = ${id}`.execute(
      t.database.db,
    )
    t.clock.set(new Date(Date.parse(earlier) + 60_000))
    expect((await post(t, `${id}/close-bidding`, 'operator')).status).toBe(200)
    const before = await t.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    const res = await post(t, `${id}/open`, 'operator')
    expectRefusal(res, {
      status: 422,
      code: 'opening_before_deadline',
      limit: deadline,
      source: expect.stringContaining('电子招标投标办法 Art 27'),
    })
    expect(res.body).toMatchObject({ rule: 'openingTime', bidState: 'submitted', deadline })
    const after = await t.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n) // nothing opened, nothing recorded
    expect((await t.http.get(`/api/v1/tenders/${id}`)).body.state).toBe('opening')
  })
})
