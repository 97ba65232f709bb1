// The procedure pages in Chromium with JavaScript off, in Chinese and English: the purchaser publishes a
// draft (a deadline too soon first), closes bidding and opens the bids, draws the experts and reads the
// report and candidates. axe-core on each page (with JavaScript on, as axe is a script) and screenshots.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bidBody, createDraft, createPublished, passDeadline, submitOk } from '../support/bidding.ts'
import { driveTender } from '../support/drive.ts'
import { axeCheck, type BrowserApp, openContext, screenshots, signIn, startBrowserApp } from './browser.ts'

let app: BrowserApp
let drafts: Record<'zh-CN' | 'en', string>
let opened: string
beforeAll(async () => {
  app = await startBrowserApp()
  drafts = { 'zh-CN': await createDraft(app.test), en: await createDraft(app.test) }
  opened = await createPublished(app.test)
  for (const [i, price] of ['3800000000', '3650000000', '3720000000'].entries())
    await submitOk(app.test, opened, `bidder${i + 1}`, bidBody(price))
})
afterAll(() => app.close())

const contexts: BrowserContext[] = []
afterAll(async () => {
  for (const context of contexts) await context.close()
})

async function open(javaScript: boolean, locale: 'zh-CN' | 'en'): Promise<Page> {
  const context = await openContext(app, { javaScript, locale, forAxe: javaScript })
  contexts.push(context)
  return context.newPage()
}

/** axe on the page as the no-JS browser shows it: its HTML loaded into a context with JavaScript on. */
async function noViolations(axe: Page, page: Page, name: string): Promise<void> {
  await axe.goto('/login')
  await axe.setContent(await page.content(), { waitUntil: 'load' })
  const { violations, passes } = await axeCheck(axe)
  expect({ name, violations }).toEqual({ name, violations: [] })
  expect(passes).toBeGreaterThan(10)
  await screenshots(page, `procedure-${name}`)
}

const submit = (page: Page, form: string) =>
  Promise.all([page.waitForLoadState('load'), page.click(`form[action$="${form}"] button[type="submit"]`)])

describe('the procedure pages without JavaScript', () => {
  it('publishes a draft: a deadline too soon is refused beside the field, then it publishes', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const axe = await open(true, locale)
      const page = await open(false, locale)
      await signIn(page, 'purchaser')
      const url = `/tenders/${drafts[locale]}/publish`
      await page.goto(url)
      await noViolations(axe, page, `publish-${locale}`)
      await page.selectOption('#f-rulePackId', 'cn-national-bidding')
      await page.check('#f-evaluationMethod')
      await page.check('#f-awardMethod')
      await page.fill('#f-awardFactors', '投标报价\n企业信用')
      await page.fill('#f-deadline', '2026-03-09T10:00')
      await submit(page, '/publish')
      expect(await page.textContent('#f-deadline-error')).toMatch(/20/)
      await noViolations(axe, page, `publish-error-${locale}`)
      await page.fill('#f-deadline', '2026-03-27T10:00')
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/tenders/${drafts[locale]}`),
        page.click('form[action$="/publish"] button[type="submit"]'),
      ])
    }
  }, 120_000)

  it('closes bidding, opens the bids, draws the experts and shows the report', async () => {
    await passDeadline(app.test, opened)
    const axe = await open(true, 'zh-CN')
    const page = await open(false, 'zh-CN')
    await signIn(page, 'purchaser')
    await page.goto(`/tenders/${opened}/opening`)
    await noViolations(axe, page, 'opening-closable-zh-CN')
    await submit(page, '/close-bidding')
    await submit(page, '/open')
    expect(await page.textContent('main')).toContain('¥38,000,000.00')
    await noViolations(axe, page, 'opening-record-zh-CN')

    await page.goto(`/tenders/${opened}/evaluation`)
    await noViolations(axe, page, 'evaluation-draw-zh-CN')
    await submit(page, '/evaluation/committee')
    const drawn = await app.test.database.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `tender-${opened}`)
      .where('type', '=', 'DRAW_EXPERTS')
      .executeTakeFirstOrThrow()
    const members = (drawn.data as { members: string[] }).members
    const bids = (await app.test.http.get(`/api/v1/tenders/${opened}/opening`)).body.bids as {
      bidId: string
    }[]
    await driveTender(app.test, opened, [
      ...members.map((expertId) => ({ type: 'DECLARE_NO_CONFLICT' as const, expertId })),
      ...members.map((expertId, e) => ({
        type: 'SUBMIT_SCORES' as const,
        expertId,
        scores: bids.map(({ bidId }, b) => ({ bidId, score: 80 + e + b * 2.5, comment: '符合要求' })),
      })),
      {
        type: 'SUBMIT_REPORT',
        expertId: members[0]!,
        candidates: bids.slice(0, 3).map((b) => b.bidId),
        summary: '推荐三名定标候选人',
        dissent: [],
      },
    ])
    for (const locale of ['zh-CN', 'en'] as const) {
      await page.goto(`/tenders/${opened}/evaluation?lang=${locale}`)
      await noViolations(axe, page, `evaluation-report-${locale}`)
      await page.goto(`/tenders/${opened}/opening?lang=${locale}`)
      if (locale === 'en') await noViolations(axe, page, 'opening-record-en')
    }
  }, 120_000)
})
