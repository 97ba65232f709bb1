// Given a submission with an Idempotency-Key, when the purge runs, then the key outlives a day of
// retries (a retry still gets the first response) and is forgotten after 24 hours (the same request is
// then a new submission that replaces the bid, with its own receipt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  IDEMPOTENCY_KEY_TTL_MS,
  purgeExpiredIdempotencyKeys,
} from '../../src/submission/idempotency-expiry.ts'
import { bearer, bidBody, createPublished, rowCount } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function submitWithKey(tenderId: string, key: string) {
  return t.http
    .post(`/api/v1/tenders/${tenderId}/bids`)
    .set('authorization', await bearer(t, 'bidder2'))
    .set('idempotency-key', key)
    .send({ bid: bidBody('3790000000') })
}

describe('idempotency keys expire after 24 hours', () => {
  it('keeps a key for a day of retries, then purges it', async () => {
    const tenderId = await createPublished(t)
    const first = await submitWithKey(tenderId, 'expiry-0001')
    expect(first.status).toBe(201)

    t.clock.advance(IDEMPOTENCY_KEY_TTL_MS - 60_000)
    expect(await purgeExpiredIdempotencyKeys(t.database.db, t.clock.now())).toBe(0)
    const retry = await submitWithKey(tenderId, 'expiry-0001')
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.body).toEqual(first.body)

    t.clock.advance(120_000)
    expect(await purgeExpiredIdempotencyKeys(t.database.db, t.clock.now())).toBe(1)
    expect(await rowCount(t, 'idempotency_keys')).toBe(0)
    const afterExpiry = await submitWithKey(tenderId, 'expiry-0001')
    expect(afterExpiry.status).toBe(201)
    expect(afterExpiry.headers['idempotent-replayed']).toBeUndefined()
    expect(afterExpiry.body.bid.replaces).toBe(first.body.bid.id)
  })

  it('purges in batches and leaves younger keys', async () => {
    const orgId = (await t.database.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id
    const old = new Date(t.clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS - 1000)
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      key: `bulk-${i}`,
      bidder_org_id: orgId,
      route: 'POST /api/v1/tenders/:id/bids',
      request_sha256: 'x',
      status_code: 201,
      response: JSON.stringify({}),
      created_at: i < 2400 ? old : t.clock.now(),
    }))
    await t.database.db.insertInto('idempotency_keys').values(rows).execute()
    const before = await rowCount(t, 'idempotency_keys')
    expect(await purgeExpiredIdempotencyKeys(t.database.db, t.clock.now())).toBe(2400)
    expect(await rowCount(t, 'idempotency_keys')).toBe(before - 2400)
  })
})
