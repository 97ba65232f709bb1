// Forming the award committee (定标委员会): a verifiable draw from the purchaser's member pool.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DrawResult, verifyDraw } from '../../src/draws/verifiable-draw.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, get, post, reachAwarding, userId } from './support.ts'

const MEMBER_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => userId(`member${n}`))

describe('POST tenders/{id}/award/committee', () => {
  let t: TestApp
  let tender: AwardingTender
  const url = () => `/api/v1/tenders/${tender.tenderId}/award/committee`

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
  })
  afterEach(async () => t.close())

  it('draws five members from the pool, verifiably, with the first drawn as chair', async () => {
    // given a tender in awarding; when the purchaser forms the committee
    const res = await post(t, 'purchaser', url())
    // then five distinct pool members are drawn and the draw re-runs from the stream head before it
    expect(res.status).toBe(200)
    const members = res.body.result.members as string[]
    expect(members).toHaveLength(5)
    expect(new Set(members).size).toBe(5)
    for (const member of members) expect(MEMBER_IDS).toContain(member)
    expect(res.body.result.chairId).toBe(members[0])
    const history = await get(t, 'auditor', `/api/v1/tenders/${tender.tenderId}/history`)
    const events = history.body.events as {
      type: string
      hash: string
      data: { draw: Omit<DrawResult, 'selected'> }
    }[]
    const index = events.findIndex((e) => e.type === 'FORM_AWARD_COMMITTEE')
    const { draw } = events[index]!.data
    expect(verifyDraw(draw, events[index - 1]!.hash, members)).toBe(true)
    expect(draw).toMatchObject({ pool: [...MEMBER_IDS].sort() })
  })

  it('takes a larger odd size and a chair among the drawn', async () => {
    const res = await post(t, 'purchaser', url(), { size: 9, chairId: userId('member4') })
    expect(res.status).toBe(200)
    expect(res.body.result.members).toHaveLength(9)
    expect(res.body.result.chairId).toBe(userId('member4'))
  })

  it('refuses a chair who was not drawn, and writes nothing', async () => {
    // given a chair from outside the pool, who can never be drawn
    const before = (await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}`)).body.version
    const res = await post(t, 'purchaser', url(), { chairId: userId('purchaser') })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('chair_not_on_committee')
    expect((await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}`)).body.version).toBe(before)
  })

  it('refuses an even size, a size below the minimum and one larger than the pool', async () => {
    for (const size of [6, 3, 11]) {
      const res = await post(t, 'purchaser', url(), { size })
      expect(res.status).toBe(422)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('is drawn only once', async () => {
    expect((await post(t, 'purchaser', url())).status).toBe(200)
    const again = await post(t, 'purchaser', url())
    expect(again.status).toBe(422)
    expect(again.body.code).toBe('committee_already_formed')
  })

  it('belongs to the own purchaser only', async () => {
    for (const username of ['bidder1', 'member1', 'supervisor', 'agent']) {
      expect((await post(t, username, url())).status).toBe(403)
    }
  })
})

describe('the award-member pool', () => {
  it('excludes anyone who sat on the evaluation committee (REGULATIONS §5.1)', async () => {
    const t = await startTestApp()
    try {
      // given member1 also sat on the evaluation committee (an expert who is an award member too)
      await t.database.db
        .updateTable('users')
        .set({ roles: ['award_member', 'expert'] })
        .where('id', '=', userId('member1'))
        .execute()
      const experts = ['member1', 'expert1', 'expert2', 'expert3', 'expert4'].map(userId)
      const { tenderId } = await reachAwarding(t, experts)
      const url = `/api/v1/tenders/${tenderId}/award/committee`
      // when the whole pool is asked for, then only 8 are eligible
      const tooMany = await post(t, 'purchaser', url, { size: 9 })
      expect(tooMany.status).toBe(422)
      expect(tooMany.body).toMatchObject({ code: 'award_pool_too_small', poolSize: 8 })
      // and a draw of 7 never includes member1
      const res = await post(t, 'purchaser', url, { size: 7 })
      expect(res.status).toBe(200)
      expect(res.body.result.members).not.toContain(userId('member1'))
    } finally {
      await t.close()
    }
  })
})
