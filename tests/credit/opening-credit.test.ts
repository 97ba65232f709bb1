// At opening (开标) every bidder of the committed set is looked up and snapshotted, judged at the
// tender's cut-off (its deadline); OPEN references the snapshots, and the evaluation committee sees the
// flags per bid. A source that fails at opening is shown as such, never as a clean record.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_HTTP_MAPPING } from '../../src/credit/http-mapping.ts'
import { httpCreditProvider } from '../../src/credit/http-provider.ts'
import { localCreditProvider } from '../../src/credit/local-provider.ts'
import { readStream } from '../../src/events/event-store.ts'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { get, passDeadline, post, submitOk } from '../support/bidding.ts'
import { withCreditProviders } from '../support/second-app.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type CreditServer, importCsv, json, startCreditServer } from './support.ts'

const uscc = (key: string) => demoOrg(key).uscc

interface BidView {
  bidderOrgId: string
  credit: { outcome: string; complete: boolean; judgedAt: string; findings: { summary: string }[] } | null
}

async function openTender(
  t: TestApp,
  bidders: readonly string[],
  afterBids: () => Promise<void> = async () => {},
) {
  const tenderId = await createPublished(t)
  for (const bidder of bidders) {
    t.clock.advance(60_000)
    await submitOk(t, tenderId, bidder)
  }
  await afterBids()
  const deadline = await passDeadline(t, tenderId)
  expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)
  const opened = await post(t, `${tenderId}/open`, 'operator')
  expect(opened.status).toBe(200)
  const view = await get(t, `${tenderId}/evaluation`, 'supervisor')
  const byBidder = (key: string) =>
    (view.body.bids as BidView[]).find((b) => b.bidderOrgId === demoOrg(key).id)!.credit!
  return { tenderId, deadline, byBidder }
}

describe('credit at opening', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('snapshots every bid at the cut-off, references them from OPEN, and shows the flags to the committee', async () => {
    await importCsv(t.database.db, [
      `${uscc('bidder2')},penalty,南建罚〔2025〕7号,,南海区住建局,2025-11-01,,扬尘治理不力,`,
    ])
    // a ban imported after bidder3 bid, in force at the deadline: the opening finds it
    const { tenderId, deadline, byBidder } = await openTender(
      t,
      ['bidder1', 'bidder2', 'bidder3'],
      async () => {
        await importCsv(t.database.db, [
          `${uscc('bidder3')},biddingBan,佛建禁〔2026〕2号,,佛山市住建局,2026-03-01,2027-02-28,,`,
        ])
      },
    )
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    const open = events.find((e) => e.type === 'OPEN')!
    const ids = open.data.creditSnapshotIds as Record<string, string>
    expect(Object.keys(ids)).toHaveLength(3)
    const snapshots = await t.database.db
      .selectFrom('credit_snapshots')
      .select(['id', 'purpose', 'bid_id', 'cutoff_at', 'outcome'])
      .where('id', 'in', Object.values(ids))
      .execute()
    expect(snapshots).toHaveLength(3)
    for (const s of snapshots) {
      expect(s.purpose).toBe('opening')
      expect(ids[s.bid_id!]).toBe(s.id)
      expect(new Date(s.cutoff_at).toISOString()).toBe(deadline)
    }
    expect(byBidder('bidder1')).toMatchObject({ outcome: 'clear', complete: true, judgedAt: deadline })
    expect(byBidder('bidder2')).toMatchObject({ outcome: 'flag', complete: true })
    expect(byBidder('bidder2').findings[0]!.summary).toContain('南建罚〔2025〕7号')
    expect(byBidder('bidder3')).toMatchObject({ outcome: 'refuse' })
    expect(byBidder('bidder3').findings[0]!.summary).toContain('until 2027-02-28')

    // the record of the tender's credit: the evidence OPEN references is all there and unchanged …
    const record = async () => (await get(t, `${tenderId}/credit`, 'auditor')).body
    expect((await record()).evidence).toEqual({ ok: true, referenced: 3, missing: [], altered: [] })
    expect((await record()).snapshots.map((s: { purpose: string }) => s.purpose)).toEqual([
      ...['bid_submission', 'bid_submission', 'bid_submission'],
      ...['opening', 'opening', 'opening'],
    ])
    // … and a snapshot changed behind the trigger's back is caught by its hash
    const victim = Object.values(ids)[0]!
    await sql`alter table credit_snapshots disable trigger credit_snapshots_immutable`.execute(t.database.db)
    await sql`update credit_snapshots set outcome = 'clear', verdict = null where id = ${victim}`.execute(
      t.database.db,
    )
    await sql`alter table credit_snapshots enable trigger credit_snapshots_immutable`.execute(t.database.db)
    expect((await record()).evidence).toMatchObject({ ok: false, altered: [victim] })
  })

  describe('with a second, remote source that is down', () => {
    let server: CreditServer
    let viaRemote: TestApp | undefined
    beforeAll(async () => {
      server = await startCreditServer(json(503, 'maintenance'))
    })
    afterAll(async () => {
      await viaRemote?.close()
      await server.close()
    })

    it('records the opening as incomplete for every bid: unavailable, never clear', async () => {
      const remote = httpCreditProvider({
        id: 'remote',
        name: '远程信用源',
        urlTemplate: `${server.url}/subjects/{uscc}`,
        authHeader: null,
        mapping: DEFAULT_HTTP_MAPPING,
        notFoundMeansNoRecords: false,
        timeoutMs: 1000,
        retries: 0,
        backoffMs: 0,
        failureThreshold: 100,
        resetAfterMs: 1000,
        cacheTtlMs: 0,
        clock: t.clock,
      })
      // An app asking both sources, on the same database, clock and keys.
      viaRemote = await withCreditProviders(t, [localCreditProvider(t.database.db, t.clock), remote])
      // (bidder3 is banned by now, so it could not bid: bidders 1, 2 and 5)
      const { byBidder } = await openTender(viaRemote, ['bidder1', 'bidder2', 'bidder5'])
      // bidder2's penalty is still a flag, but the missing source outranks it
      for (const key of ['bidder1', 'bidder2', 'bidder5'])
        expect(byBidder(key)).toMatchObject({ complete: false, outcome: 'unavailable' })
      const bidder1 = byBidder('bidder1') as unknown as { sources: { id: string; status: string }[] }
      expect(bidder1.sources).toEqual([
        expect.objectContaining({ id: 'local', status: 'ok' }),
        expect.objectContaining({ id: 'remote', status: 'unavailable' }),
      ])
    })
  })
})
