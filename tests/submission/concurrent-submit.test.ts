// Given one bidder sending two bids at the same moment, then exactly one bid is live afterwards: the
// other request either replaced it or got 409 concurrent_bid, never a 500. Runs on PostgreSQL only:
// PGlite has a single session, so its transactions never overlap and there is no race to observe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { bidBody, createPublished, submit, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { onPostgres } from '../support/test-database.ts'

let t: TestApp
beforeAll(async () => {
  if (onPostgres) t = await startTestApp()
})
afterAll(() => t?.close())

async function bidsOf(tenderId: string) {
  return t.database.db
    .selectFrom('bids')
    .select(['id', 'state'])
    .where('tender_id', '=', tenderId)
    .where('bidder_org_id', '=', demoOrg('bidder1').id)
    .execute()
}

async function raceTwoSubmits(tenderId: string) {
  const responses = await Promise.all([
    submit(t, tenderId, 'bidder1', bidBody('3790000000')),
    submit(t, tenderId, 'bidder1', bidBody('3780000000')),
  ])
  for (const res of responses) {
    expect([201, 409]).toContain(res.status)
    if (res.status === 409) expect(res.body.code).toBe('concurrent_bid')
  }
  return responses.filter((res) => res.status === 201).map((res) => res.body.bid.id as string)
}

describe.runIf(onPostgres)('the same bidder submitting twice at once', () => {
  it.each([false, true])(
    'leaves exactly one live bid (earlier live bid: %s), 10 rounds',
    async (withEarlier) => {
      for (let round = 0; round < 10; round++) {
        const tenderId = await createPublished(t)
        const earlier = withEarlier ? await submitOk(t, tenderId, 'bidder1') : null
        const acknowledged = await raceTwoSubmits(tenderId)
        expect(acknowledged.length).toBeGreaterThanOrEqual(1)

        const rows = await bidsOf(tenderId)
        const live = rows.filter((row) => row.state === 'submitted')
        expect(live).toHaveLength(1)
        expect(acknowledged).toContain(live[0]?.id)
        // Every other acknowledged bid, and the earlier one, was replaced; refused ones left no row.
        const replaced = rows.filter((row) => row.state === 'replaced').map((row) => row.id)
        const expectedReplaced = [
          ...acknowledged.filter((id) => id !== live[0]?.id),
          ...(earlier ? [earlier.id] : []),
        ]
        expect(replaced.sort()).toEqual(expectedReplaced.sort())
        expect(rows).toHaveLength(acknowledged.length + (earlier ? 1 : 0))
      }
    },
  )
})
