// A complete award meeting (定标会) in Chromium, twice: with JavaScript off in Chinese, and with it on in
// English. Every person has their own browser context and signs in through the login form: the
// purchaser sets the meeting up (draws the committee, freezes the dossiers), the seven drawn members
// (the chair among them) check in with the declaration and vote through the confirm page to a receipt,
// the chair opens and closes the round and records the decision, the supervisor watches read-only, and
// the chair downloads the signed award report. axe-core on every page of the flow; a hostile tender
// title, bidder name and ballot reason are shown as text and nothing runs.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { type AwardingTender, get, reachAwarding, userId } from '../award/support.ts'
import { recordDeps } from '../records/support.ts'
import { draftBody, publishBody } from '../support/tender-fixtures.ts'
import type { TestApp } from '../support/test-app.ts'
import { type BrowserApp, startBrowserApp, type UiLocale } from './browser.ts'
import { purchaserSetsUp } from './meeting-setup-steps.ts'
import {
  check,
  closeRun,
  enter,
  newRun,
  noInjectedMarkup,
  type Person,
  type Run,
  submit,
} from './meeting-steps.ts'

const HOSTILE_TITLE = '<script>alert(1)</script>'
const HOSTILE_BIDDER = '"><img src=x onerror=alert(1)>'
const HOSTILE_REASON = '见 <a href="javascript:alert(1)">javascript:alert(1)</a> 报价最低'
const COMMITTEE_SIZE = 7

let app: BrowserApp
beforeAll(async () => {
  app = await startBrowserApp({ loginLimits: { attempts: 100, windowMs: 60_000 } })
  // The second bidder's registered name is hostile: it reaches the dossier, the ballot and the report.
  await app.test.database.db
    .updateTable('organisations')
    .set({ name: HOSTILE_BIDDER, name_en: HOSTILE_BIDDER })
    .where('id', '=', demoOrg('bidder2').id)
    .execute()
})
afterAll(() => app?.close())

async function hostileTender(t: TestApp): Promise<string> {
  const auth = `Bearer ${await t.token('purchaser')}`
  const draft = await t.http
    .post('/api/v1/tenders')
    .set('authorization', auth)
    .send({ ...draftBody, title: HOSTILE_TITLE, reference: `FULL-${Date.now()}` })
    .expect(201)
  await t.http
    .post(`/api/v1/tenders/${draft.body.id}/publish`)
    .set('authorization', auth)
    .send(publishBody(t))
    .expect(200)
  return draft.body.id as string
}

async function membersCheckIn(run: Run, meeting: string, members: readonly Person[]): Promise<void> {
  for (const [i, member] of members.entries()) {
    const { page } = member
    await page.goto('/meetings')
    if (i === 0) await check(run, page, 'my-meetings')
    await Promise.all([page.waitForURL(`**${meeting}`), page.click(`a[href="${meeting}"]`)])
    if (i === 0) {
      await check(run, page, 'check-in')
      // Without the declaration ticked (and without the browser's own check): the server's error.
      await page.$eval('#f-declare', (box) => box.removeAttribute('required'))
      await submit(page, '/check-in', `${meeting}/check-in`)
      await page.waitForSelector('.error-summary a[href="#f-declare"]')
      await check(run, page, 'check-in-error')
    }
    await page.check('#f-declare')
    await submit(page, '/check-in', meeting)
    await noInjectedMarkup(page)
  }
}

async function memberVotes(run: Run, meeting: string, member: Person, choice: string, reason: string) {
  const { page } = member
  const first = !run.checked.includes('ballot')
  await page.goto(meeting)
  if (first) await check(run, page, 'ballot')
  await page.check(`input[name="candidateBidId"][value="${choice}"]`)
  await page.fill('#f-reason', reason)
  await submit(page, '/ballot/confirm', `${meeting}/ballot/confirm`)
  if (first) await check(run, page, 'ballot-confirm')
  await submit(page, '/ballot', `${meeting}/receipt`)
  expect(await page.textContent('.receipt-code')).toMatch(/^\d+-[0-9a-f]{12}$/)
  if (first) await check(run, page, 'receipt')
  await noInjectedMarkup(page)
}

async function awardReportDownload(run: Run, chair: Person, meeting: string): Promise<Buffer> {
  await drainRecordOutbox(recordDeps(run.app.test))
  await chair.page.goto(meeting)
  await check(run, chair.page, 'console-decided')
  const link = chair.page.locator('a[href^="/records/"][href$="/pdf"]').first()
  const [download] = await Promise.all([chair.page.waitForEvent('download'), link.click()])
  const file = await download.path()
  return fs.readFileSync(file)
}

async function completeMeeting(run: Run, tender: AwardingTender): Promise<void> {
  const t = run.app.test
  const meeting = `/meetings/${tender.tenderId}`
  const purchaser = await enter(run, 'purchaser')
  const drawn = await purchaserSetsUp(run, purchaser, tender.tenderId, COMMITTEE_SIZE)
  expect(drawn).toHaveLength(COMMITTEE_SIZE)

  const members: Person[] = []
  for (const username of drawn) members.push(await enter(run, username))
  const chair = members[0]!
  await membersCheckIn(run, meeting, members)

  await chair.page.goto(meeting)
  await check(run, chair.page, 'console-before')
  await submit(chair.page, '/rounds/1/open', meeting)

  // Five for the second candidate (one with the hostile reason), two for the first.
  const choices = members.map((_, i) => tender.candidates[i < 5 ? 1 : 0]!)
  for (const [i, member] of members.entries()) {
    const reason = i === 2 ? HOSTILE_REASON : `委员${i + 1}：报价合理，信用良好，类似业绩丰富`
    await memberVotes(run, meeting, member, choices[i]!, reason)
    if (i === 0) {
      // The member's page says who has voted, never what, until the round closes.
      expect(await member.page.locator('[id^="result-"]').count()).toBe(0)
    }
  }

  await chair.page.goto(meeting)
  expect(await chair.page.locator('[id^="result-"]').count()).toBe(0)
  await check(run, chair.page, 'console-all-voted')
  const supervisor = await enter(run, 'supervisor')
  await supervisor.page.goto(meeting)
  await check(run, supervisor.page, 'supervisor-console')
  expect(await supervisor.page.locator('main form[method="post"]').count()).toBe(0)
  await submit(chair.page, '/rounds/1/close', meeting)

  await members[1]!.page.goto(meeting)
  expect(await members[1]!.page.locator('#result-1').count()).toBe(1)
  await check(run, members[1]!.page, 'result')
  await noInjectedMarkup(members[1]!.page)

  // The decision needs its reasons: the server says so beside the field, then records it.
  await chair.page.goto(meeting)
  await chair.page.check(`input[name="winnerBidId"][value="${tender.candidates[1]}"]`)
  await chair.page.$eval('#f-reasons', (box) => box.removeAttribute('required'))
  await submit(chair.page, '/decision', `${meeting}/decision`)
  await chair.page.waitForSelector('.error-summary a[href="#f-reasons"]')
  await check(run, chair.page, 'decision-error')
  await chair.page.check(`input[name="winnerBidId"][value="${tender.candidates[1]}"]`)
  await chair.page.fill('#f-reasons', '七名委员中五票选定该候选人：报价较低，信用良好')
  await submit(chair.page, '/decision', meeting)

  const pdf = await awardReportDownload(run, chair, meeting)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const records = await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/records`)
  const report = records.body.items.find((r: { type: string }) => r.type === 'award_report')
  const stored = await get(t, 'purchaser', `/api/v1/records/${report.recordId}/pdf`)
  expect(Buffer.compare(pdf, Buffer.from(stored.body))).toBe(0)
  const verdict = await t.http.get(`/api/v1/records/${report.recordId}/verify`)
  expect(verdict.body.valid).toBe(true)

  // Every step is an event of the tender's chain, attributed to the person who took it in the browser.
  const history = await get(t, 'auditor', `/api/v1/tenders/${tender.tenderId}/history`)
  const by = (type: string) =>
    history.body.events
      .filter((e: { type: string }) => e.type === type)
      .map((e: { actor: { userId: string } }) => e.actor.userId)
  expect(by('FORM_AWARD_COMMITTEE')).toEqual([userId('purchaser')])
  expect(by('FREEZE_DOSSIERS')).toEqual([userId('purchaser')])
  expect([...by('CHECK_IN')].sort()).toEqual(drawn.map(userId).sort())
  expect([...by('CAST_BALLOT')].sort()).toEqual(drawn.map(userId).sort())
  expect(by('OPEN_ROUND')).toEqual([userId(drawn[0]!)])
  expect(by('CLOSE_ROUND')).toEqual([userId(drawn[0]!)])
  expect(by('DECIDE')).toEqual([userId(drawn[0]!)])
  const tenderNow = await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}`)
  expect(tenderNow.body.state).toBe('resultPublicity')
  expect(run.dialogs).toEqual([])
}

describe.each([
  { javaScript: false, locale: 'zh-CN' as UiLocale },
  { javaScript: true, locale: 'en' as UiLocale },
])('a complete award meeting, JavaScript $javaScript, $locale', ({ javaScript, locale }) => {
  let run: Run
  afterAll(() => (run ? closeRun(run) : undefined))

  it('from sign-in to the decision and the downloaded award report', async () => {
    run = newRun(app, javaScript, locale)
    const tender = await reachAwarding(app.test, undefined, { publish: hostileTender })
    await completeMeeting(run, tender)
    expect(run.checked.length).toBeGreaterThanOrEqual(12)
  }, 240_000)
})
