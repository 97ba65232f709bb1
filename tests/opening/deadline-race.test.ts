// Given 20 bidders submitting sealed bids at the deadline while bidding closes, then the committed
// set (bidCount, bidSetHash over ciphertext hashes) is exactly the set of bids acknowledged with 201
// and a receipt, and every other bid got 409 bidding_closed. Two app instances with their own connection pools share one database, as two
// servers would: A's clock is just before the deadline (it takes bids), B's just after (it closes).
// PostgreSQL only: PGlite's single session never lets a bid and the close overlap.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import supertest from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.ts'
import { type DatabaseHandle, openPostgres } from '../../src/db/database.ts'
import { bidSetHash } from '../../src/opening/bid-set-hash.ts'
import { type ManualClock, manualClock } from '../../src/shared/clock.ts'
import { bearer, bidBody, bidderBearer, createPublished, days, insertBidderOrgs } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres, postgresUrl } from '../support/test-database.ts'

const BIDDERS = 20
const ROUNDS = 10
const SPREAD_MS = 4

let t: TestApp
let closer: {
  app: FastifyInstance
  database: DatabaseHandle
  clock: ManualClock
  http: ReturnType<typeof supertest>
}
let bidderOrgs: string[] = []

beforeAll(async () => {
  if (!onPostgres) return
  t = await startTestApp()
  bidderOrgs = await insertBidderOrgs(t, 'race', BIDDERS)
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.database.db)
  const database = openPostgres({ url: postgresUrl!, schema: rows[0]!.schema, maxConnections: 5 })
  const clock = manualClock(t.clock.now())
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    clock,
    tokens: t.tokens,
    keys: t.keys,
    devLogin: false,
    bodyLimit: 1024 * 1024,
    logger: false,
  })
  await app.ready()
  closer = { app, database, clock, http: supertest(app.server) }
})
afterAll(async () => {
  await closer?.app.close()
  await closer?.database.close()
  await t?.close()
})

const tokenFor = (orgId: string) => bidderBearer(t, orgId)

async function receiptCount(tenderId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('bid_receipts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tender_id', '=', tenderId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Sends a request after `ms` milliseconds (supertest sends only once awaited). */
function later<T>(ms: number, send: () => PromiseLike<T>): Promise<T> {
  return new Promise((resolve, reject) => setTimeout(() => send().then(resolve, reject), ms))
}

async function raceRound(round: number) {
  const tenderId = await createPublished(t)
  const deadline = Date.parse((await t.http.get(`/api/v1/tenders/${tenderId}`)).body.deadline)
  t.clock.set(new Date(deadline - 1000))
  closer.clock.set(new Date(deadline + 1000))
  const tokens = await Promise.all(bidderOrgs.map(tokenFor))
  const operator = await bearer(t, 'operator')
  const bid = (i: number) =>
    t.http
      .post(`/api/v1/tenders/${tenderId}/bids`)
      .set('authorization', tokens[i]!)
      .send({ bid: bidBody(String(3_700_000_000 + round * 1000 + i)) })
  // Bids go out SPREAD_MS apart and the close somewhere among them, a different place each round.
  const bids = Array.from({ length: BIDDERS }, (_, i) => later(i * SPREAD_MS, () => bid(i)))
  const close = later(((round % 5) + 0.5) * (BIDDERS / 5) * SPREAD_MS, () =>
    closer.http.post(`/api/v1/tenders/${tenderId}/close-bidding`).set('authorization', operator),
  )
  const [closed, ...responses] = await Promise.all([close, ...bids])
  // However the race went, a bid after the close is refused though A's clock is before the deadline.
  const after = await bid(BIDDERS - 1)
  return { tenderId, closed: closed!, bids: responses, after }
}

describe.runIf(onPostgres)('bids racing the close at the deadline', () => {
  it(`commits exactly the acknowledged bids (${ROUNDS} rounds of ${BIDDERS} bids)`, async () => {
    let acknowledgedTotal = 0
    for (let round = 0; round < ROUNDS; round++) {
      const { tenderId, closed, bids, after } = await raceRound(round)
      expect(closed.status).toBe(200)
      const acknowledged: string[] = []
      for (const res of bids) {
        if (res.status === 201) acknowledged.push(res.body.bid.ciphertextSha256)
        else
          expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'bidding_closed' })
      }
      expect(closed.body.tender.bidCount).toBe(acknowledged.length)
      expect(closed.body.tender.bidSetHash).toBe(bidSetHash(acknowledged))
      // Every acknowledged bid got its receipt, in its transaction; refused ones left none.
      expect(
        bids.filter((res) => res.status === 201).every((res) => typeof res.body.receipt === 'string'),
      ).toBe(true)
      expect(await receiptCount(tenderId)).toBe(acknowledged.length)
      expect({ status: after.status, code: after.body.code }).toEqual({ status: 409, code: 'bidding_closed' })
      acknowledgedTotal += acknowledged.length
      t.clock.advance(days(1))
    }
    // Sanity: the race admitted bids at all (which side wins each bid depends on timing).
    expect(acknowledgedTotal).toBeGreaterThan(0)
  })
})
