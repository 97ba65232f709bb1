// Bids that arrive together are accepted in one statement, each judged on its own. A burst mixing new
// bids, a replacement, a retry of an answered key and a key reused for another request gives each its
// own answer, as if it had come alone: one live bid per bidder, a receipt for each acceptance, and a
// batch of more than one bid did form. On PGlite and PostgreSQL.

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyBidReceipt } from '../../src/receipts/verify-receipt.ts'
import { bidBody, bidderBearer, createPublished, insertBidderOrgs } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

const NEW_BIDDERS = 10
let t: TestApp
let orgs: string[] = []
let replacer = ''
let retrier = ''
let reuser = ''

beforeAll(async () => {
  t = await startTestApp()
  orgs = await insertBidderOrgs(t, 'batch', NEW_BIDDERS + 3)
  ;[replacer, retrier, reuser] = orgs.slice(NEW_BIDDERS) as [string, string, string]
})
afterAll(async () => {
  await t?.close()
})

const tokenFor = (orgId: string) => bidderBearer(t, orgId)

async function send(tenderId: string, orgId: string, priceFen: string, key?: string) {
  const request = t.http.post(`/api/v1/tenders/${tenderId}/bids`).set('authorization', await tokenFor(orgId))
  if (key) request.set('idempotency-key', key)
  return request.send({ bid: bidBody(priceFen) })
}

describe('bids accepted together', () => {
  it('gives each bid of a mixed burst its own answer', async () => {
    const tenderId = await createPublished(t)
    const replaced = await send(tenderId, replacer, '3700000001')
    const answered = await send(tenderId, retrier, '3700000002', 'retry-me')
    const reused = await send(tenderId, reuser, '3700000003', 'used-once')
    expect([replaced.status, answered.status, reused.status]).toEqual([201, 201, 201])
    const before = t.fastPath.acceptance.stats()

    // The tender row held FOR UPDATE: the burst's acceptances wait (on PGlite's one connection, all its
    // queries do), so the bids reach the queue together, as in a deadline rush.
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const holding = t.database.db.transaction().execute(async (trx) => {
      await sql`select id from tenders where id = ${tenderId} for update`.execute(trx)
      await gate
    })
    const bursting = Promise.all([
      ...orgs
        .slice(0, NEW_BIDDERS)
        .map((org, i) => send(tenderId, org, String(3_710_000_000 + i), `new-${i}`)),
      send(tenderId, replacer, '3700000011'),
      send(tenderId, retrier, '3700000002', 'retry-me'),
      send(tenderId, reuser, '3700000099', 'used-once'),
    ])
    await new Promise((resolve) => setTimeout(resolve, 500))
    release()
    await holding
    const burst = await bursting
    const [replacement, retry, reuse] = burst.slice(NEW_BIDDERS)

    for (const res of burst.slice(0, NEW_BIDDERS)) expect(res.status).toBe(201)
    expect(replacement!.status).toBe(201)
    expect(replacement!.body.bid.replaces).toBe(replaced.body.bid.id)
    expect(typeof replacement!.body.replacedReceipt).toBe('string')
    expect(retry!.status).toBe(201)
    expect(retry!.headers['idempotent-replayed']).toBe('true')
    expect(retry!.body).toEqual(answered.body)
    expect(reuse!.status).toBe(422)
    expect(reuse!.body.code).toBe('idempotency_key_reused')

    // A batch of more than one bid formed, and every bid was in one.
    const after = t.fastPath.acceptance.stats()
    expect(after.largestBatch).toBeGreaterThan(1)
    expect(after.bids - before.bids).toBeGreaterThanOrEqual(NEW_BIDDERS + 2)
    expect(after.batches - before.batches).toBeLessThan(after.bids - before.bids)

    // One live bid per bidder; a receipt per acceptance, each valid against the published keys.
    const live = await t.database.db
      .selectFrom('bids')
      .select(['bidder_org_id', 'id'])
      .where('tender_id', '=', tenderId)
      .where('state', '=', 'submitted')
      .execute()
    expect(live).toHaveLength(orgs.length)
    expect(new Set(live.map((b) => b.bidder_org_id)).size).toBe(orgs.length)
    const receipts = await t.database.db
      .selectFrom('bid_receipts')
      .select(['action', 'jws'])
      .where('tender_id', '=', tenderId)
      .execute()
    expect(receipts.filter((r) => r.action === 'submitted')).toHaveLength(orgs.length + 1)
    expect(receipts.filter((r) => r.action === 'replaced')).toHaveLength(1)
    const jwks = (await t.http.get('/.well-known/jwks.json')).body
    for (const receipt of receipts) expect((await verifyBidReceipt(receipt.jws, jwks)).valid).toBe(true)
    // Each accepted bid's credit snapshot was stored with it and is named by its BID_SUBMITTED event.
    const { rows: named } = await sql<{ stream_id: string }>`
      select e.stream_id from events e
      join credit_snapshots s on s.id = e.data->>'creditSnapshotId'
      where e.type = 'BID_SUBMITTED' and s.tender_id = ${tenderId}`.execute(t.database.db)
    expect(named).toHaveLength(orgs.length + 1)
  })
})
