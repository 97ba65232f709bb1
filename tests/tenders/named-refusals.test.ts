// Given a published tender, when a rule refuses an objection or an extension, then the 422 names its
// code, the rule, its limit and its source (from the tender's rule pack where the pack holds the limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cnNationalBidding } from '../../src/rules/packs/cn-national-bidding.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { deadlineOf, tenderCommand } from '../http/guard-refusals-support.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const command = (tenderId: string, path: string, username: string, body: Record<string, unknown> = {}) =>
  tenderCommand(t, tenderId, path, username, body)

const deadlineOfTender = (tenderId: string) => deadlineOf(t, tenderId)

describe('objections refused by a named rule', () => {
  it('a documents objection less than objectionLeadDays before the deadline: objection_too_late', async () => {
    const tenderId = await createPublished(t)
    const deadline = await deadlineOfTender(tenderId)
    t.clock.set(new Date(Date.parse(deadline) - 9 * DAY_MS))
    const res = await command(tenderId, 'objections', 'bidder1', { stage: 'documents', summary: '排斥' })
    expect(res.status).toBe(422)
    const lead = cnNationalBidding.limits.objectionLeadDays
    expect(res.body).toMatchObject({
      code: 'objection_too_late',
      rule: 'objectionLeadDays',
      limit: lead.value,
      source: lead.source,
      deadline,
      state: 'bidding',
    })
  })

  it('an objection to a stage the phase does not take: objection_stage_closed, citing 条例 Art 22', async () => {
    const tenderId = await createPublished(t)
    const res = await command(tenderId, 'objections', 'bidder1', { stage: 'candidates', summary: '评标不公' })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({
      code: 'objection_stage_closed',
      rule: 'objectionStage',
      limit: 'documents',
      field: 'stage',
      source: expect.stringContaining('实施条例 Art 22'),
    })
  })
})

describe('an extension that does not move the deadline later', () => {
  it.each([
    ['the same deadline', 0],
    ['an earlier deadline', -DAY_MS],
  ])('%s: deadline_not_later with the current deadline', async (_name, shift) => {
    const tenderId = await createPublished(t)
    const deadline = await deadlineOfTender(tenderId)
    const newDeadline = new Date(Date.parse(deadline) + shift).toISOString()
    const res = await command(tenderId, 'extend-deadline', 'purchaser', { newDeadline, reason: '顺延' })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({
      code: 'deadline_not_later',
      rule: 'deadlineOnlyLater',
      limit: deadline,
      field: 'newDeadline',
      source: expect.stringContaining('法 Art 23'),
    })
  })
})

describe('allowedEvents over HTTP', () => {
  it('names neither RESUME nor OBJECTION_ANSWERED on a tender neither suspended nor objected to', async () => {
    const tenderId = await createPublished(t)
    const view = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body
    expect(view.allowedEvents).not.toContain('RESUME')
    expect(view.allowedEvents).not.toContain('OBJECTION_ANSWERED')
    expect(view.allowedEvents).not.toContain('CLOSE_BIDDING') // before the deadline
    expect(view.allowedEvents).toEqual(
      expect.arrayContaining(['SUSPEND', 'EXTEND_DEADLINE', 'OBJECTION_RAISED']),
    )
  })

  it('names them once the tender is suspended or an objection is pending', async () => {
    const tenderId = await createPublished(t)
    const raised = await command(tenderId, 'objections', 'bidder1', { stage: 'documents', summary: '排斥' })
    expect(raised.body.tender.allowedEvents).toContain('OBJECTION_ANSWERED')
    expect(raised.body.tender.allowedEvents).not.toContain('RESUME')
    const suspended = await command(tenderId, 'suspend', 'supervisor', { reason: '收到投诉' })
    expect(suspended.body.tender.allowedEvents).toEqual(
      expect.arrayContaining(['RESUME', 'OBJECTION_ANSWERED']),
    )
    expect(suspended.body.tender.allowedEvents).not.toContain('SUSPEND')
  })

  it('a refused RESUME names, as allowed, only the events the machine would accept', async () => {
    const tenderId = await createPublished(t)
    const res = await command(tenderId, 'resume', 'supervisor', { reason: '恢复' })
    expect(res.status).toBe(422)
    expect(res.body.allowed).not.toContain('RESUME')
  })
})
