// A tie that outlasts every re-vote, over HTTP: the award view says which rule decides and what the
// purchaser does next; the decision must name the tie-break's winner, or on an exact price tie the
// purchaser declares the award failed (定标失败) and re-tenders. No shipped pack lets a tie last (odd
// committees over at most 3 candidates), so these tenders are published under a 4-member variant.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadRecordInput } from '../../src/records/inputs/load-record-input.ts'
import { cnNationalBidding } from '../../src/rules/packs/cn-national-bidding.ts'
import type { RulePack } from '../../state-machines/rule-pack.ts'
import { requestFor } from '../records/render-fixtures.ts'
import { driveTender } from '../support/drive.ts'
import { createDraft, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, get, openMeeting, PRICES, post, reachAwarding, voteRound } from './support.ts'

const FOUR_MEMBERS: RulePack = {
  ...cnNationalBidding,
  awardCommittee: { minSize: { value: 4, source: 'test: an even committee', confidence: 'U' }, odd: false },
  awardQuorum: { value: 4, source: 'test: all four present', confidence: 'U' },
}

async function publishWithFourMembers(t: TestApp): Promise<string> {
  const tenderId = await createDraft(t)
  const { deadline, awardFactors } = publishBody(t)
  const publish = {
    type: 'PUBLISH' as const,
    rulePack: FOUR_MEMBERS,
    deadline,
    evaluationMethod: 'comprehensive' as const,
    awardMethod: 'simpleMajority' as const,
    awardFactors,
  }
  await driveTender(t, tenderId, [publish], 'purchaser')
  return tenderId
}

describe('a tie that outlasts the re-votes', () => {
  let t: TestApp
  let tender: AwardingTender
  let members: string[]
  const base = () => `/api/v1/tenders/${tender.tenderId}/award`
  const view = async () => (await get(t, 'purchaser', base())).body
  const decide = (winnerBidId: string) =>
    post(t, 'purchaser', `${base()}/decision`, { winnerBidId, reasons: '按招标文件的平局处理规则' })

  beforeEach(async () => {
    t = await startTestApp()
  })
  afterEach(async () => t.close())

  async function tieEveryRound(prices: readonly string[]): Promise<[string, string, string]> {
    tender = await reachAwarding(t, undefined, { publish: publishWithFourMembers, prices })
    members = await openMeeting(t, tender.tenderId)
    expect(members).toHaveLength(4)
    const [a, b, c] = tender.candidates as [string, string, string]
    // round 1 and both permitted re-votes end 2–2 between a and c
    for (const round of [1, 2, 3]) {
      await voteRound(t, tender.tenderId, members, [a, a, c, c])
      if (round === 3) break
      const next = (await view()).next
      expect(next).toMatchObject({ action: 'START_REVOTE', tied: [a, c], rule: 'maxRevotes', limit: 2 })
      expect(next.says).toContain(`re-vote ${round} of 2`)
      expect((await decide(a)).body.code).toBe('winner_not_designated')
      expect((await post(t, 'purchaser', `${base()}/revote`)).status).toBe(200)
    }
    return [a, b, c]
  }

  it('decides by the lowest price among the tied, and only for that candidate', async () => {
    // a bids 38.00m, b 36.50m (the cheapest, but not in the tie), c 37.20m
    const [a, b, c] = await tieEveryRound(PRICES)
    const next = (await view()).next
    expect(next).toMatchObject({ action: 'DECIDE', winner: c, tied: [a, c], rule: 'tieBreak.lowestBidPrice' })
    expect(next.source).toBe(cnNationalBidding.tieBreak?.source)
    expect(next.says).toContain('re-votes are spent')
    const revote = await post(t, 'purchaser', `${base()}/revote`)
    expect(revote.status).toBe(422)
    expect(revote.body).toMatchObject({ code: 'revotes_exhausted', rule: 'maxRevotes', limit: 2, round: 3 })
    expect(revote.body.source).toMatch(/up to k times/)
    expect(revote.body.next).toMatchObject({ action: 'DECIDE', winner: c })
    const failure = await post(t, 'purchaser', `${base()}/failure`)
    expect(failure.body.code).toBe('award_not_deadlocked')
    for (const wrong of [a, b]) {
      const refused = await decide(wrong)
      expect(refused.status).toBe(422)
      expect(refused.body).toMatchObject({ code: 'winner_not_designated', next: { winner: c } })
    }
    const decided = await decide(c)
    expect(decided.status).toBe(200)
    expect(decided.body.tender).toMatchObject({ state: 'resultPublicity', winnerBidId: c })
    expect(await view()).toMatchObject({ winnerBidId: c, next: null })
    // The award report says the declared tie-break, not the votes, designated the winner.
    const report = await loadRecordInput(t.database.db, await requestFor(t, tender.tenderId, 'award_report'))
    expect(report).toMatchObject({
      winner: { bidId: c },
      decisionBasis: {
        by: 'tieBreak',
        rule: 'lowestBidPrice',
        tied: [a, c],
        source: cnNationalBidding.tieBreak?.source,
      },
    })
  })

  it('fails the award when the tied bid the same price, on the purchaser’s declaration', async () => {
    const [a, , c] = await tieEveryRound([PRICES[0]!, PRICES[1]!, PRICES[0]!, PRICES[3]!])
    const next = (await view()).next
    expect(next).toMatchObject({ action: 'FAIL_AWARD', tied: [a, c], rule: 'tieBreak.lowestBidPrice' })
    expect(next.says).toContain('重新招标')
    expect((await decide(a)).status).toBe(422)
    expect((await decide(c)).status).toBe(422)
    // a member who is not the chair may not; the chair or the purchaser may
    const byMember = await post(t, members[1]!, `${base()}/failure`)
    expect(byMember.status).toBe(403)
    const failed = await post(t, 'purchaser', `${base()}/failure`)
    expect(failed.status).toBe(200)
    expect(failed.body.tender).toMatchObject({ state: 'failed', failureReason: 'awardTied' })
    expect(await view()).toMatchObject({ state: 'failed', next: null })
  })
})
