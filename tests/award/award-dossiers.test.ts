// The candidate dossiers: frozen by hash, recomputed on every read, refused when they have changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, get, PRICES, post, reachAwarding, usernameOf } from './support.ts'

describe('award dossiers', () => {
  let t: TestApp
  let tender: AwardingTender
  const base = () => `/api/v1/tenders/${tender.tenderId}/award`

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
  })
  afterEach(async () => t.close())

  it('cannot be read before they are frozen, nor frozen before the committee exists', async () => {
    const read = await get(t, 'purchaser', `${base()}/dossiers`)
    expect(read.status).toBe(409)
    expect(read.body.code).toBe('dossiers_not_frozen')
    const freeze = await post(t, 'purchaser', `${base()}/dossiers/freeze`)
    expect(freeze.status).toBe(422)
    expect(freeze.body.code).toBe('committee_not_formed')
  })

  it('freezes one dossier per candidate and shows the same to every reader', async () => {
    // given a formed committee; when the purchaser freezes the dossiers
    const formed = await post(t, 'purchaser', `${base()}/committee`)
    const member = usernameOf(formed.body.result.members[2])
    const frozen = await post(t, 'purchaser', `${base()}/dossiers/freeze`)
    expect(frozen.status).toBe(200)
    // then the purchaser, a committee member and the supervisor read identical dossiers
    const reads = await Promise.all(
      ['purchaser', member, 'supervisor'].map((u) => get(t, u, `${base()}/dossiers`)),
    )
    for (const read of reads) {
      expect(read.status).toBe(200)
      expect(read.body).toEqual(reads[0]!.body)
    }
    const { dossiers, dossierHash, frozenAt } = reads[0]!.body
    expect(dossierHash).toMatch(/^[0-9a-f]{64}$/)
    expect(frozenAt).toBe(frozen.body.event.recordedAt)
    expect(dossiers.map((d: { bidId: string }) => d.bidId)).toEqual(tender.candidates)
    expect(dossiers[0]).toEqual({
      bidId: tender.candidates[0],
      bidderOrgId: demoOrg('bidder1').id,
      bidderName: demoOrg('bidder1').name,
      bidderUscc: demoOrg('bidder1').uscc,
      priceFen: PRICES[0],
      // experts scored bid 1 with 80, 81, 82, 83, 84
      evaluation: { scoreCount: 5, mean: '82.00', min: '80.00', max: '84.00' },
      // the test app's credit register holds nothing: the check is recorded as incomplete, never clean
      credit: expect.objectContaining({
        outcome: 'unavailable',
        complete: false,
        snapshotId: expect.stringMatching(/^csn_/),
      }),
    })
    expect(dossiers[1].evaluation).toEqual({ scoreCount: 5, mean: '84.50', min: '82.50', max: '86.50' })
  })

  it('is closed to bidders and to award members not on the committee', async () => {
    const formed = await post(t, 'purchaser', `${base()}/committee`)
    await post(t, 'purchaser', `${base()}/dossiers/freeze`)
    const drawn = new Set((formed.body.result.members as string[]).map(usernameOf))
    const outsider = ['member1', 'member2', 'member3', 'member4', 'member5', 'member6'].find(
      (m) => !drawn.has(m),
    )!
    expect((await get(t, 'bidder1', `${base()}/dossiers`)).status).toBe(403)
    expect((await get(t, outsider, `${base()}/dossiers`)).status).toBe(403)
  })

  it('is frozen once', async () => {
    await post(t, 'purchaser', `${base()}/committee`)
    expect((await post(t, 'purchaser', `${base()}/dossiers/freeze`)).status).toBe(200)
    const again = await post(t, 'purchaser', `${base()}/dossiers/freeze`)
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('dossiers_already_frozen')
  })

  it('reports a change under the frozen hash (a bidder renamed after the freeze)', async () => {
    await post(t, 'purchaser', `${base()}/committee`)
    await post(t, 'purchaser', `${base()}/dossiers/freeze`)
    await t.database.db
      .updateTable('organisations')
      .set({ name: '改名后的公司' })
      .where('id', '=', demoOrg('bidder2').id)
      .execute()
    const read = await get(t, 'purchaser', `${base()}/dossiers`)
    expect(read.status).toBe(409)
    expect(read.body.code).toBe('dossiers_changed')
  })
})
