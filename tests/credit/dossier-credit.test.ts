// The candidate dossiers' credit: one snapshot per candidate at FREEZE_DOSSIERS, referenced by the event,
// the same for every member, and read back from the snapshots (a later change in the register does
// not move the frozen dossiers).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readStream } from '../../src/events/event-store.ts'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { get, post, reachAwarding, usernameOf } from '../award/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { importCsv } from './support.ts'

const uscc = (key: string) => demoOrg(key).uscc

describe('credit in the candidate dossiers', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await startTestApp()
  })
  afterEach(() => t.close())

  const snapshotCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('credit_snapshots')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('takes one snapshot per candidate at the freeze and shows every member the same', async () => {
    await importCsv(t.database.db, [
      `${uscc('bidder2')},penalty,南建罚〔2025〕7号,,南海区住建局,2025-11-01,,扬尘治理不力,`,
    ])
    const { tenderId, candidates } = await reachAwarding(t)
    const base = `/api/v1/tenders/${tenderId}/award`
    const formed = await post(t, 'purchaser', `${base}/committee`)
    const members = (formed.body.result.members as string[]).map(usernameOf)

    // nobody but the tender's purchaser gets as far as a lookup
    expect((await post(t, members[0]!, `${base}/dossiers/freeze`)).status).toBe(403)
    expect(await snapshotCount()).toBe(0)

    const frozen = await post(t, 'purchaser', `${base}/dossiers/freeze`)
    expect(frozen.status).toBe(200)
    const events = await readStream(t.database.db, `tender-${tenderId}`)
    const ids = events.find((e) => e.type === 'FREEZE_DOSSIERS')!.data.creditSnapshotIds as Record<
      string,
      string
    >
    expect(Object.keys(ids).sort()).toEqual([...candidates].sort())
    const rows = await t.database.db
      .selectFrom('credit_snapshots')
      .select(['purpose', 'requested_by', 'tender_id'])
      .where('id', 'in', Object.values(ids))
      .execute()
    const purchaser = DEMO_USERS.find((u) => u.username === 'purchaser')!.id
    expect(rows).toEqual(
      candidates.map(() => ({ purpose: 'dossier', requested_by: purchaser, tender_id: tenderId })),
    )

    const reads = await Promise.all(
      [...members, 'purchaser', 'auditor'].map((u) => get(t, u, `${base}/dossiers`)),
    )
    for (const read of reads) expect(read.body).toEqual(reads[0]!.body)
    const dossiers = reads[0]!.body.dossiers as {
      bidId: string
      bidderOrgId: string
      credit: Record<string, unknown>
    }[]
    const of = (key: string) => dossiers.find((d) => d.bidderOrgId === demoOrg(key).id)!.credit
    expect(of('bidder1')).toMatchObject({ outcome: 'clear', complete: true, atCutoff: null })
    expect(of('bidder2')).toMatchObject({
      outcome: 'flag',
      findings: [
        expect.objectContaining({ kind: 'penalty', reference: '南建罚〔2025〕7号', consequence: 'flag' }),
      ],
    })
    for (const dossier of dossiers) expect(dossier.credit.snapshotId).toBe(ids[dossier.bidId])

    // a new listing after the freeze: the frozen dossiers (read from snapshots) do not move
    await importCsv(t.database.db, [
      `${uscc('bidder1')},biddingBan,新禁〔2026〕1号,,某局,2026-01-01,2028-01-01,,`,
    ])
    const later = await get(t, members[0]!, `${base}/dossiers`)
    expect(later.status).toBe(200)
    expect(later.body).toEqual(reads[0]!.body)
  })
})
