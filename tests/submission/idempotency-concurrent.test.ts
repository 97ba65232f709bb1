// Given ten identical submissions with one Idempotency-Key arriving at once, then exactly one bid and one
// receipt exist, and every answer is that bid's 201 (or 409 idempotency_in_progress), never a second
// bid. PostgreSQL only: PGlite's single session never lets two transactions overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, bidBody, createPublished, sealTo, tenderJwk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres } from '../support/test-database.ts'

const REQUESTS = 10
const ROUNDS = 5

let t: TestApp
beforeAll(async () => {
  if (onPostgres) t = await startTestApp()
})
afterAll(() => t?.close())

async function countFor(tenderId: string, table: 'bids' | 'bid_receipts') {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tender_id', '=', tenderId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe.runIf(onPostgres)('one Idempotency-Key, many identical requests at once', () => {
  it.each(['plaintext', 'jwe'])(`creates exactly one bid (%s mode, ${ROUNDS} rounds)`, async (mode) => {
    for (let round = 0; round < ROUNDS; round++) {
      const tenderId = await createPublished(t)
      const body =
        mode === 'jwe' ? { jwe: await sealTo(await tenderJwk(t, tenderId), bidBody()) } : { bid: bidBody() }
      const auth = await bearer(t, 'bidder1')
      const key = `rush-${mode}-${round}`
      const responses = await Promise.all(
        Array.from({ length: REQUESTS }, () =>
          t.http
            .post(`/api/v1/tenders/${tenderId}/bids`)
            .set('authorization', auth)
            .set('idempotency-key', key)
            .send(body),
        ),
      )
      const created = responses.filter((res) => res.status === 201)
      expect(created.length).toBeGreaterThanOrEqual(1)
      for (const res of responses) {
        if (res.status === 201) expect(res.body).toEqual(created[0]?.body)
        else
          expect({ status: res.status, code: res.body.code }).toEqual({
            status: 409,
            code: 'idempotency_in_progress',
          })
      }
      expect(await countFor(tenderId, 'bids')).toBe(1)
      expect(await countFor(tenderId, 'bid_receipts')).toBe(1)
    }
  })
})
