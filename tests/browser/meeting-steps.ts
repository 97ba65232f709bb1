// The award meeting's steps as a person takes them in the browser, by the forms' addresses (so they read
// the same in both languages): check in, vote through the confirm page, the chair's round buttons and
// decision form. Each step waits for the page the server redirects to (Post/Redirect/Get).
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { axeCheck, type BrowserApp, openContext, screenshots, signIn, type UiLocale } from './browser.ts'

/** Clicks the form's submit button and waits for the page it leads to. */
export async function submit(page: Page, formAction: string, landsOn: string | RegExp): Promise<void> {
  const url = typeof landsOn === 'string' ? `**${landsOn}` : landsOn
  await Promise.all([page.waitForURL(url), page.click(`form[action$="${formAction}"] button[type="submit"]`)])
}

/** A person's own browser: one context, one page, signed in through the login form. */
export interface Person {
  readonly username: string
  readonly context: BrowserContext
  readonly page: Page
}

export interface Run {
  readonly app: BrowserApp
  readonly javaScript: boolean
  readonly locale: UiLocale
  /** Script dialogs seen on any page (a hostile string that ran would open one). */
  readonly dialogs: string[]
  /** The page names axe has checked, in order. */
  readonly checked: string[]
  readonly contexts: BrowserContext[]
  axePage?: Page
}

export function newRun(app: BrowserApp, javaScript: boolean, locale: UiLocale): Run {
  return { app, javaScript, locale, dialogs: [], checked: [], contexts: [] }
}

export async function enter(run: Run, username: string): Promise<Person> {
  const context = await openContext(run.app, { javaScript: run.javaScript, locale: run.locale })
  run.contexts.push(context)
  const page = await context.newPage()
  page.on('dialog', async (dialog) => {
    run.dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  await signIn(page, username)
  return { username, context, page }
}

/**
 * axe-core (WCAG 2.1 A/AA) on the page as this browser shows it: its HTML is loaded into a separate
 * context with JavaScript on and the CSP bypassed (axe is an injected script), so the person's own
 * context keeps JavaScript as the run says and the page's CSP in force. Then the screenshots.
 */
export async function check(run: Run, page: Page, name: string): Promise<void> {
  if (!run.axePage) {
    const context = await openContext(run.app, { javaScript: true, locale: run.locale, forAxe: true })
    run.contexts.push(context)
    run.axePage = await context.newPage()
    await run.axePage.goto('/login')
  }
  await run.axePage.setContent(await page.content(), { waitUntil: 'load' })
  const { violations, passes } = await axeCheck(run.axePage)
  expect({ name, violations }).toEqual({ name, violations: [] })
  expect(passes).toBeGreaterThan(10)
  expect(await page.locator('h1').count()).toBe(1)
  await screenshots(page, `meeting-${name}-${run.locale}${run.javaScript ? '-js' : ''}`)
  run.checked.push(name)
}

/** No hostile string became markup: no image, script or javascript: link inside the page's main. */
export async function noInjectedMarkup(page: Page): Promise<void> {
  const injected = await page.$$eval(
    'main img, main script, main [onerror], main [onmouseover], main a[href^="javascript:" i]',
    (found) => found.length,
  )
  expect(injected).toBe(0)
}

export async function closeRun(run: Run): Promise<void> {
  for (const context of run.contexts) await context.close()
}
