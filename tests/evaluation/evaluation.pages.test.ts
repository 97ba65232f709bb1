// The evaluation page reads the API's evaluation view and draws the experts and ends the candidate
// publicity through the API's own commands: names stay hidden until the report, scores as the API
// shows them, refusals beside the size field with their source, events by the signed-in purchaser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { newId } from '../../src/shared/ids.ts'
import {
  lastTenderEvent,
  openMeeting,
  PRICES,
  post,
  reachAwarding,
  userId,
  voteRound,
} from '../award/support.ts'
import { seedBidStreams } from '../support/bid-streams.ts'
import { driveTender } from '../support/drive.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { createPublished, eventCount } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let tenderId: string
let bidIds: string[]
let purchaser: PageClient
const url = () => `/tenders/${tenderId}/evaluation`
const drawUrl = () => `/tenders/${tenderId}/evaluation/committee`

async function signedIn(username: string): Promise<PageClient> {
  const client = pageClient(t.app)
  await client.signIn(username)
  return client
}

beforeAll(async () => {
  t = await startTestApp()
  tenderId = await createPublished(t)
  bidIds = PRICES.map(() => newId('bid'))
  const bids = bidIds.map((bidId, i) => ({
    bidId,
    bidderOrgId: demoOrg(`bidder${i + 1}`).id,
    outcome: 'opened' as const,
    priceFen: PRICES[i]!,
  }))
  const bidSetHash = await seedBidStreams(t, tenderId, bids)
  t.clock.advance(21 * DAY_MS)
  await driveTender(t, tenderId, [
    { type: 'CLOSE_BIDDING', bidCount: bids.length, bidSetHash },
    { type: 'OPEN', bids, bidSetHash },
  ])
  purchaser = await signedIn('purchaser')
})
afterAll(() => t.close())

const main = (page: PageAnswer) => page.document.querySelector('main')?.textContent ?? ''
const drawForm = (page: PageAnswer) => page.document.querySelector(`form[action="${drawUrl()}"]`)
const endForm = (page: PageAnswer) =>
  page.document.querySelector(`form[action="/tenders/${tenderId}/publicity/end"]`)

describe('evaluation page', () => {
  let members: string[] = []

  it('offers the draw to the purchaser after the opening, with its labelled size field', async () => {
    const page = await purchaser.get(url())
    expect(page.status).toBe(200)
    expect(page.document.querySelectorAll('h1').length).toBe(1)
    expect(main(page)).toContain('尚未抽取评标委员会')
    expect(drawForm(page)).not.toBeNull()
    expect(page.document.querySelector('label[for="f-size"]')?.textContent).toBe('评标委员会人数')
    expect(page.document.querySelector('#f-size-hint')?.textContent).toContain('最少人数（5 人）')
  })

  it('refuses a size that is no number (schema) and one below the minimum (machine), recording nothing', async () => {
    const before = await eventCount(t)
    await purchaser.get(url())
    const typed = await purchaser.post(drawUrl(), { size: 'five' })
    expect(typed.status).toBe(422)
    expect(typed.document.querySelector('.error-summary a')?.getAttribute('href')).toBe('#f-size')
    expect(typed.document.querySelector('#f-size')?.getAttribute('value')).toBe('five')
    const small = await purchaser.post(drawUrl(), { size: '3' })
    expect(small.status).toBe(422)
    const error = small.document.querySelector('#f-size-error')?.textContent ?? ''
    expect(error).toContain('评标委员会人数不符合规则包要求')
    expect(error).toContain('依据：')
    expect(await eventCount(t)).toBe(before)
  })

  it('refuses the draw without the CSRF token, and to a bidder (403), recording nothing', async () => {
    const before = await eventCount(t)
    expect((await purchaser.post(drawUrl(), {}, { csrf: null })).status).toBe(403)
    const bidder = await signedIn('bidder1')
    expect((await bidder.get(url())).status).toBe(403)
    expect((await bidder.post(drawUrl(), {})).status).toBe(403)
    expect(await eventCount(t)).toBe(before)
  })

  it("draws as the purchaser: five members, names confidential, the draw's proof shown", async () => {
    await purchaser.get(url())
    const drawn = await purchaser.post(drawUrl(), {})
    expect(drawn.status).toBe(303)
    expect(drawn.headers.location).toBe(url())
    const event = await lastTenderEvent(t, tenderId)
    expect(event.type).toBe('DRAW_EXPERTS')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const data = event.data as { members: string[]; draw: { seed: string; secretCommitment: string } }
    members = data.members
    const page = await purchaser.get(url())
    expect(page.document.querySelectorAll('section[aria-labelledby="committee"] tbody tr').length).toBe(5)
    expect(main(page)).toContain('（评标结束前保密）')
    expect(main(page)).toContain(data.draw.seed)
    expect(main(page)).toContain(data.draw.secretCommitment)
    expect(main(page)).toContain('专家库（9 人）')
    expect(drawForm(page)).toBeNull()
    expect(main(page)).toContain('评标报告提交前不公开')
  })

  it('shows a member their own name only', async () => {
    const first = DEMO_USERS.find((u) => u.id === members[0])!
    const expert = await signedIn(first.username)
    const page = await expert.get(url())
    expect(page.status).toBe(200)
    expect(main(page)).toContain(`${first.displayName}（本人）`)
    expect(drawForm(page)).toBeNull()
  })

  it('shows the report, scores and ranked candidates, and ends the publicity once it is over', async () => {
    await driveTender(t, tenderId, [
      ...members.map((expertId) => ({ type: 'DECLARE_NO_CONFLICT' as const, expertId })),
      ...members.map((expertId, e) => ({
        type: 'SUBMIT_SCORES' as const,
        expertId,
        scores: bidIds.map((bidId, b) => ({ bidId, score: 80 + e + b * 2.5, comment: '符合要求' })),
      })),
      {
        type: 'SUBMIT_REPORT',
        expertId: members[0]!,
        candidates: bidIds.slice(0, 3),
        summary: '推荐三名定标候选人',
        dissent: [],
      },
    ])
    const page = await purchaser.get(url())
    const text = main(page)
    expect(text).toContain('推荐三名定标候选人')
    expect(text).toContain('5 份 · 平均 82.00 · 80–84')
    expect(text).not.toContain('（评标结束前保密）')
    const candidates = page.document.querySelector('section[aria-labelledby="report"] table')!
    expect(candidates.querySelector('caption')?.textContent).toContain('共 3 名')
    expect(candidates.textContent).toContain('¥38,000,000.00')
    expect(endForm(page)).toBeNull()
    const early = await purchaser.post(`/tenders/${tenderId}/publicity/end`, {})
    expect(early.status).toBe(422)
    expect(early.document.querySelector('.error-summary')?.textContent).toContain('公示期尚未结束')

    t.clock.advance(3 * DAY_MS)
    purchaser = await signedIn('purchaser')
    const over = await purchaser.get(url())
    expect(endForm(over)).not.toBeNull()
    const before = await eventCount(t)
    expect((await purchaser.post(`/tenders/${tenderId}/publicity/end`, {}, { csrf: null })).status).toBe(403)
    expect(await eventCount(t)).toBe(before)
    const ended = await purchaser.post(`/tenders/${tenderId}/publicity/end`, {})
    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe(url())
    const event = await lastTenderEvent(t, tenderId)
    expect(event.type).toBe('END_PUBLICITY')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const after = await purchaser.get(`${url()}?lang=en`)
    expect(main(after)).toContain('Candidates, 3 in all')
    expect(endForm(after)).toBeNull()
  })
})

describe('the end of the result publicity', () => {
  it('ends it from the same POST and goes back to the award page', async () => {
    const awarding = await reachAwarding(t)
    const members = await openMeeting(t, awarding.tenderId)
    const winner = awarding.candidates[0]!
    await voteRound(
      t,
      awarding.tenderId,
      members,
      members.map(() => winner),
    )
    const decided = await post(t, 'purchaser', `/api/v1/tenders/${awarding.tenderId}/award/decision`, {
      winnerBidId: winner,
      reasons: '定标委员会一致同意',
    })
    expect(decided.status).toBe(200)
    t.clock.advance(3 * DAY_MS)
    const client = await signedIn('operator')
    await client.get(`/tenders/${awarding.tenderId}/opening`)
    const ended = await client.post(`/tenders/${awarding.tenderId}/publicity/end`, {})
    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe(`/tenders/${awarding.tenderId}/award`)
    const event = await lastTenderEvent(t, awarding.tenderId)
    expect(event.type).toBe('END_PUBLICITY')
    expect(event.meta).toMatchObject({ userId: userId('operator') })
  })
})
