// After the result publicity: the award notice (中标通知书), then the contract completes the tender.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../src/shared/clock.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, decideAndPublish, get, openMeeting, post, reachAwarding } from './support.ts'

describe('award notice and contract', () => {
  let t: TestApp
  let tender: AwardingTender
  const url = (path: string) => `/api/v1/tenders/${tender.tenderId}/${path}`

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
    const members = await openMeeting(t, tender.tenderId)
    await decideAndPublish(t, tender.tenderId, members, tender.candidates[1]!)
  })
  afterEach(async () => t.close())

  it('issues the notice, records the contract and completes the tender', async () => {
    // given the result publicity is over, the winner is public
    const publicView = await t.http.get(`/api/v1/tenders/${tender.tenderId}`)
    expect(publicView.body).toMatchObject({ state: 'awarded', winnerBidId: tender.candidates[1] })
    // when the purchaser issues the notice
    const notice = await post(t, 'purchaser', url('award-notice'))
    expect(notice.status).toBe(201)
    expect(notice.body.id).toMatch(/^ntc_[0-9a-f]{32}$/)
    const issuedAt = t.clock.now().toISOString()
    expect(notice.body.tender.contractDueAt).toBe(
      new Date(t.clock.now().getTime() + 30 * DAY_MS).toISOString(),
    )
    // and records the signed contract ten days later
    t.clock.advance(10 * DAY_MS)
    const contract = await post(t, 'purchaser', url('contract'), { contractRef: 'NHSZ-2026-018-HT01' })
    expect(contract.status).toBe(200)
    expect(contract.body.tender.state).toBe('completed')
    const view = (await get(t, 'auditor', url('award'))).body
    expect(view).toMatchObject({
      state: 'completed',
      winnerBidId: tender.candidates[1],
      noticeIssuedAt: issuedAt,
      contractRef: 'NHSZ-2026-018-HT01',
      contractSignedLate: false,
    })
  })

  it('issues one notice only, and no contract comes before the notice', async () => {
    const early = await post(t, 'purchaser', url('contract'), { contractRef: 'HT-01' })
    expect(early.status).toBe(422)
    expect((await post(t, 'purchaser', url('award-notice'))).status).toBe(201)
    expect((await post(t, 'purchaser', url('award-notice'))).status).toBe(422)
  })

  it('belongs to the own purchaser', async () => {
    for (const username of ['bidder2', 'supervisor', 'member1']) {
      expect((await post(t, username, url('award-notice'))).status).toBe(403)
      expect((await post(t, username, url('contract'), { contractRef: 'HT-01' })).status).toBe(403)
    }
  })
})
