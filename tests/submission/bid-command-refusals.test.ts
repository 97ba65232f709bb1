// Given a live bid, when a bid command proposes an event the bid machine refuses, then the command
// throws the refusal the machine names (code, rule, limit, source, field; 409 for a conflict), with the
// bid's state and the events it takes, and appends nothing to the bid's stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { Conflict, RuleViolation } from '../../src/shared/errors.ts'
import { applyBidEvent } from '../../src/submission/bid-command.ts'
import { submitOk } from '../support/bidding.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let bidId: string
let deadline: string
beforeAll(async () => {
  t = await startTestApp()
  const tenderId = await createPublished(t)
  bidId = (await submitOk(t, tenderId, 'bidder1')).id
  deadline = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.deadline as string
})
afterAll(() => t.close())

const meta = { userId: 'u', orgId: 'o', roles: ['bidder'] }

/** What the command throws for `proposed` at `at`, inside a transaction that is rolled back. */
async function refusalFor(proposed: Parameters<typeof applyBidEvent>[2], at: string) {
  return t.database.db
    .transaction()
    .execute((trx) => applyBidEvent(trx, bidId, proposed, new Date(at), meta))
    .then(
      () => null,
      (error: unknown) => error,
    )
}

describe('the bid command path', () => {
  it('throws the bid window refusal for a withdrawal at the deadline: 409 bidding_closed', async () => {
    const error = await refusalFor({ type: 'WITHDRAW', deadline }, deadline)
    expect(error).toBeInstanceOf(Conflict)
    expect(error).toMatchObject({
      status: 409,
      code: 'bidding_closed',
      extra: {
        rule: 'bidWindow',
        limit: deadline,
        source: expect.stringContaining('法 Art 28, 29'),
        deadline,
        serverTime: deadline,
        bidState: 'submitted',
        allowed: expect.arrayContaining(['WITHDRAW', 'REPLACE']),
      },
    })
  })

  it('throws a 422 naming the field for a replacement by the bid itself', async () => {
    const error = await refusalFor({ type: 'REPLACE', deadline, byBidId: bidId }, t.clock.now().toISOString())
    expect(error).toBeInstanceOf(RuleViolation)
    expect(error).toMatchObject({
      status: 422,
      code: 'rule_violation',
      extra: { rule: 'wellFormedEvent', field: 'byBidId', limit: 'another bid than this one' },
    })
    expect(await readStream(t.database.db, `bid-${bidId}`)).toHaveLength(1)
  })
})
