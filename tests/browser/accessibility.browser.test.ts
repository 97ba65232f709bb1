// axe-core finds no WCAG 2.0/2.1 A or AA violation on the pages, in both languages; the enhancement
// script moves focus to the error summary of a re-rendered form. Screenshots of each page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  axeCheck,
  type BrowserApp,
  createDraft,
  openContext,
  screenshots,
  signIn,
  startBrowserApp,
  type UiLocale,
} from './browser.ts'

let app: BrowserApp
beforeAll(async () => {
  app = await startBrowserApp()
  await createDraft(app, { reference: 'NHSZ-2026-018', title: '南海区桂澜路市政道路改造工程施工' })
  await createDraft(app, { reference: 'NHSZ-2026-021', title: '里水镇污水管网提质增效工程（二期）' })
})
afterAll(() => app.close())

describe.each(['zh-CN', 'en'] as UiLocale[])('in %s', (locale) => {
  it('no page has an axe violation', async () => {
    const context = await openContext(app, { javaScript: true, locale, forAxe: true })
    const page = await context.newPage()
    const visit = async (path: string, name: string) => {
      if (path) await page.goto(path)
      const { violations, passes } = await axeCheck(page)
      expect({ path, name, violations }).toEqual({ path, name, violations: [] })
      expect(passes).toBeGreaterThan(10)
      await screenshots(page, `${name}-${locale}`)
    }
    await visit('/login', 'login')
    await signIn(page, 'purchaser')
    await visit('', 'home')
    await visit('/tenders', 'tenders')
    await visit('/tenders/new', 'tender-new')
    await page.click('form[action="/tenders/new"] button[type="submit"]')
    await page.waitForSelector('.error-summary')
    expect(await page.$eval(':focus', (element) => element.className)).toBe('error-summary')
    await visit('', 'tender-new-errors')
    await visit('/no/such/page', 'not-found')
    await context.close()
  })
})
