// The operator's sandbox clock page in Chromium with JavaScript off, in both languages: the pending
// deadline listed, a move to it, the timer fired; axe-core on the page and screenshots at both sizes.
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../src/shared/clock.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import {
  axeCheck,
  type BrowserApp,
  openContext,
  screenshots,
  signIn,
  startBrowserApp,
  type UiLocale,
} from './browser.ts'

let app: BrowserApp
beforeAll(async () => {
  app = await startBrowserApp({ sandbox: true })
})
afterAll(() => app.close())

describe.each(['zh-CN', 'en'] as UiLocale[])('the sandbox clock page in %s', (locale) => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  it('moves to the next deadline with the button, and passes axe', async () => {
    // the fixture's deadline counts from the test clock; the sandbox runs ahead of it after an advance
    const { offsetMs } = (await app.test.http.get('/api/v1/sandbox/clock')).body
    const tenderId = await createPublished(app.test, 21 + Math.ceil(offsetMs / DAY_MS))
    const open = async (javaScript: boolean) => {
      const context = await openContext(app, { javaScript, locale, forAxe: javaScript })
      contexts.push(context)
      return context.newPage()
    }
    const axe = await open(true)
    const operator = await open(false)
    await signIn(operator, 'operator')
    await operator.goto('/operator/clock')
    expect(await operator.textContent('main')).toContain(tenderId)
    await axe.goto('/login')
    await axe.setContent(await operator.content(), { waitUntil: 'load' })
    expect((await axeCheck(axe)).violations).toEqual([])
    await screenshots(operator, `clock-${locale}`)
    await Promise.all([
      operator.waitForURL('**/operator/clock?advanced=1'),
      operator.click('form:has(input[name="to"]) button'),
    ])
    expect(await operator.textContent('.notice')).toBeTruthy()
    const state = (await app.test.http.get(`/api/v1/tenders/${tenderId}`)).body.state
    expect(state).not.toBe('bidding')
    await axe.setContent(await operator.content(), { waitUntil: 'load' })
    expect((await axeCheck(axe)).violations).toEqual([])
    await screenshots(operator, `clock-advanced-${locale}`)
  }, 120_000)
})
