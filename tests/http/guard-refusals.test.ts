// Given a tender before evaluation, when a command breaks a rule of the tender machine, then the API
// answers the refusal the machine names: its code, and the rule's limit and source (the rule pack's
// citation where the pack holds the limit). One case per guard a client can run into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cnNationalBidding as pack } from '../../src/rules/packs/cn-national-bidding.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { sealTo, tenderJwk } from '../support/bidding.ts'
import { createDraft, createPublished, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { citation, deadlineOf, expectRefusal, tenderCommand } from './guard-refusals-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const command = (tenderId: string, path: string, username: string, body: Record<string, unknown> = {}) =>
  tenderCommand(t, tenderId, path, username, body)

const deadlineOfTender = (tenderId: string) => deadlineOf(t, tenderId)

describe('PUBLISH', () => {
  it('a bid period under minBidDays: deadline_too_soon, citing 法 Art 24', async () => {
    const id = await createDraft(t)
    const res = await command(id, 'publish', 'purchaser', publishBody(t, 19))
    expectRefusal(res, { status: 422, code: 'deadline_too_soon', ...citation(pack.limits.minBidDays) })
    expect(res.body).toMatchObject({
      rule: 'minBidDays',
      field: 'deadline',
      earliestDeadline: expect.any(String),
    })
  })

  it.each([
    ['lottery', 'method_not_allowed'],
    ['pairwise', 'award_method_not_available'],
  ])('award method %s: %s, limited to the methods that can decide', async (awardMethod, code) => {
    const id = await createDraft(t)
    const res = await command(id, 'publish', 'purchaser', { ...publishBody(t), awardMethod })
    expectRefusal(res, {
      status: 422,
      code,
      limit: 'simpleMajority',
      source: expect.stringContaining(pack.id),
    })
    expect(res.body).toMatchObject({ rule: 'awardMethods', field: 'awardMethod' })
  })
})

describe('bidding', () => {
  it('a question after the deadline: deadline_passed, the deadline as the limit', async () => {
    const id = await createPublished(t)
    const deadline = await deadlineOfTender(id)
    t.clock.set(new Date(Date.parse(deadline) + 1000))
    const res = await command(id, 'questions', 'bidder1', { question: '工期能否调整？' })
    expectRefusal(res, {
      status: 422,
      code: 'deadline_passed',
      limit: deadline,
      source: expect.stringContaining('法 Art 28'),
    })
  })

  it('an answer to an answered question: 409 already_answered', async () => {
    const id = await createPublished(t)
    const asked = await command(id, 'questions', 'bidder1', { question: '工期能否调整？' })
    const qid = asked.body.id as string
    expect((await command(id, `questions/${qid}/answer`, 'purchaser', { answer: '不能' })).status).toBe(200)
    const again = await command(id, `questions/${qid}/answer`, 'purchaser', { answer: '不能' })
    expectRefusal(again, {
      status: 409,
      code: 'already_answered',
      limit: 'an unanswered question',
      source: expect.stringContaining('实施条例 Art 21'),
    })
  })

  it('an amendment inside amendmentLeadDays without a later deadline: amendment_needs_extension', async () => {
    const id = await createPublished(t)
    t.clock.advance(10 * DAY_MS)
    const res = await command(id, 'amendments', 'purchaser', { summary: '工程量清单第3项更正' })
    expectRefusal(res, {
      status: 422,
      code: 'amendment_needs_extension',
      ...citation(pack.limits.amendmentLeadDays),
    })
    expect(res.body).toMatchObject({ field: 'newDeadline', earliestDeadline: expect.any(String) })
  })

  it('an extension to an earlier deadline: deadline_not_later', async () => {
    const id = await createPublished(t)
    const deadline = await deadlineOfTender(id)
    const newDeadline = new Date(Date.parse(deadline) - DAY_MS).toISOString()
    const res = await command(id, 'extend-deadline', 'purchaser', { newDeadline, reason: '顺延' })
    expectRefusal(res, {
      status: 422,
      code: 'deadline_not_later',
      limit: deadline,
      source: expect.stringContaining('法 Art 23'),
    })
  })

  it('closing before the deadline: deadline_not_reached', async () => {
    const id = await createPublished(t)
    const res = await command(id, 'close-bidding', 'operator')
    expectRefusal(res, {
      status: 422,
      code: 'deadline_not_reached',
      limit: await deadlineOfTender(id),
      source: expect.stringContaining('法 Art 28'),
    })
  })

  it('a documents objection inside objectionLeadDays: objection_too_late', async () => {
    const id = await createPublished(t)
    t.clock.advance(12 * DAY_MS)
    const res = await command(id, 'objections', 'bidder1', { stage: 'documents', summary: '排斥' })
    expectRefusal(res, {
      status: 422,
      code: 'objection_too_late',
      ...citation(pack.limits.objectionLeadDays),
    })
  })

  it('an objection to a stage the phase does not take: objection_stage_closed', async () => {
    const id = await createPublished(t)
    const res = await command(id, 'objections', 'bidder1', { stage: 'result', summary: '不公' })
    expectRefusal(res, {
      status: 422,
      code: 'objection_stage_closed',
      limit: 'documents',
      source: expect.stringContaining('实施条例 Art 22'),
    })
  })
})

describe('holds and suspension', () => {
  it('closing while an objection is pending: objection_pending; bids: 409 tender_held_by_objection', async () => {
    const id = await createPublished(t)
    const raised = await command(id, 'objections', 'bidder1', { stage: 'documents', summary: '排斥' })
    const objectionId = raised.body.id as string
    const sealed = await sealTo(await tenderJwk(t, id), { priceFen: '3790000000' })
    const bid = await command(id, 'bids', 'bidder2', { jwe: sealed })
    expectRefusal(bid, {
      status: 409,
      code: 'tender_held_by_objection',
      limit: objectionId,
      source: expect.stringContaining('实施条例 Art 22'),
    })
    t.clock.set(new Date(Date.parse(await deadlineOfTender(id)) + 1000))
    const close = await command(id, 'close-bidding', 'operator')
    expectRefusal(close, {
      status: 422,
      code: 'objection_pending',
      limit: objectionId,
      source: expect.stringContaining('实施条例 Art 22'),
    })
  })

  it('a second SUSPEND: already_suspended; closing while suspended: tender_suspended', async () => {
    const id = await createPublished(t)
    expect((await command(id, 'suspend', 'supervisor', { reason: '收到投诉' })).status).toBe(200)
    const again = await command(id, 'suspend', 'supervisor', { reason: '再次' })
    const source = expect.stringContaining('实施条例 Art 62')
    expectRefusal(again, { status: 422, code: 'already_suspended', limit: 'not suspended', source })
    t.clock.set(new Date(Date.parse(await deadlineOfTender(id)) + 1000))
    const close = await command(id, 'close-bidding', 'operator')
    expectRefusal(close, { status: 422, code: 'tender_suspended', limit: 'RESUME', source })
  })

  it('RESUME when not suspended: not_suspended', async () => {
    const id = await createPublished(t)
    const res = await command(id, 'resume', 'supervisor', { reason: '恢复' })
    expectRefusal(res, {
      status: 422,
      code: 'not_suspended',
      limit: 'suspended',
      source: expect.stringContaining('实施条例 Art 62'),
    })
  })

  it('a bid after the deadline: 409 bidding_closed, the deadline as the limit', async () => {
    const id = await createPublished(t)
    const sealed = await sealTo(await tenderJwk(t, id), { priceFen: '3790000000' })
    const deadline = await deadlineOfTender(id)
    t.clock.set(new Date(Date.parse(deadline) + 1000))
    const res = await command(id, 'bids', 'bidder1', { jwe: sealed })
    expectRefusal(res, {
      status: 409,
      code: 'bidding_closed',
      limit: deadline,
      source: expect.stringContaining('法 Art 28'),
    })
  })
})
