// The tender overview in Chromium with JavaScript off, in both languages: the purchaser's overview of a
// tender in the award phase (stepper, actions, timeline, verified records), a record downloaded from it,
// and the tenders list's link to it. axe-core on each page (with JavaScript on, as axe is a script) and
// screenshots at both sizes.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { type AwardingTender, reachAwarding } from '../award/support.ts'
import { recordDeps } from '../records/support.ts'
import { axeCheck, type BrowserApp, openContext, screenshots, signIn, startBrowserApp } from './browser.ts'

let app: BrowserApp
let tender: AwardingTender
beforeAll(async () => {
  app = await startBrowserApp()
  tender = await reachAwarding(app.test)
  await drainRecordOutbox(recordDeps(app.test))
}, 60_000)
afterAll(() => app.close())

async function noViolations(axe: Page, page: Page, name: string): Promise<void> {
  await axe.goto('/login')
  await axe.setContent(await page.content(), { waitUntil: 'load' })
  const { violations, passes } = await axeCheck(axe)
  expect({ name, violations }).toEqual({ name, violations: [] })
  expect(passes).toBeGreaterThan(10)
  await screenshots(page, name)
}

describe('the tender overview without JavaScript', () => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows the purchaser the overview (${locale}) and downloads a record`, async () => {
      const open = async (javaScript: boolean) => {
        const context = await openContext(app, { javaScript, locale, forAxe: javaScript })
        contexts.push(context)
        return context.newPage()
      }
      const axe = await open(true)
      const page = await open(false)
      const overview = `/tenders/${tender.tenderId}`
      await signIn(page, 'purchaser')
      await page.goto(`/tenders?lang=${locale}`)
      await Promise.all([page.waitForURL(`**${overview}`), page.click(`a[href="${overview}"]`)])
      expect(await page.textContent('.stepper [aria-current="step"]')).toContain(
        locale === 'zh-CN' ? '当前' : 'current',
      )
      expect(await page.textContent('section[aria-labelledby="records"]')).toContain(
        locale === 'zh-CN' ? '已验证' : 'Verified',
      )
      await noViolations(axe, page, `overview-${locale}`)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('section[aria-labelledby="records"] tbody tr a[href$="/pdf"]'),
      ])
      expect(download.suggestedFilename()).toMatch(/\.pdf$/)
    })
  }

  it('shows the auditor the read-only overview', async () => {
    const context = await openContext(app, { javaScript: true, locale: 'zh-CN', forAxe: true })
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, 'auditor')
    await page.goto(`/tenders/${tender.tenderId}`)
    expect(await page.textContent('section[aria-labelledby="actions"]')).toContain('只读')
    const { violations } = await axeCheck(page)
    expect(violations).toEqual([])
  })
})
