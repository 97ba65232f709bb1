// In Chromium, with JavaScript off and on, in both languages: sign in through the form, see who is
// signed in and the tenders, sign out; afterwards the pages send to sign-in again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import {
  type BrowserApp,
  createDraft,
  openContext,
  screenshots,
  signIn,
  signOut,
  startBrowserApp,
  type UiLocale,
} from './browser.ts'

let app: BrowserApp
beforeAll(async () => {
  app = await startBrowserApp()
  await createDraft(app, { reference: 'NHSZ-2026-018', title: '南海区桂澜路市政道路改造工程施工' })
})
afterAll(() => app.close())

const purchaser = DEMO_USERS.find((u) => u.username === 'purchaser')!
const WORDS = {
  'zh-CN': { login: '登录', tenders: '我的招标项目', signedOut: '您已退出登录。', draft: '草稿' },
  en: { login: 'Sign in', tenders: 'My tenders', signedOut: 'You have signed out.', draft: 'Draft' },
} as const

describe.each([false, true])('JavaScript %s', (javaScript) => {
  it.each(['zh-CN', 'en'] as UiLocale[])('signs in and out in %s', async (locale) => {
    const context = await openContext(app, { javaScript, locale })
    const page = await context.newPage()
    const words = WORDS[locale]
    await page.goto('/login')
    expect(await page.getAttribute('html', 'lang')).toBe(locale)
    expect(await page.textContent('h1')).toBe(words.login)
    if (javaScript) await screenshots(page, `login-${locale}`)

    await signIn(page, 'purchaser')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await page.textContent('.header-user strong')).toBe(purchaser.displayName)
    if (javaScript) await screenshots(page, `home-${locale}`)

    await page.click('.main-nav a[href="/tenders"]')
    await page.waitForURL(/\/tenders$/)
    expect(await page.textContent('h1')).toBe(words.tenders)
    expect(await page.textContent('tbody .chip')).toBe(words.draft)
    if (javaScript) await screenshots(page, `tenders-${locale}`)

    await signOut(page)
    expect(await page.textContent('.notice')).toContain(words.signedOut)
    await page.goto('/tenders')
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })
})

describe('the language switch', () => {
  it('changes the language on the same page and remembers it', async () => {
    const context = await openContext(app, { javaScript: false, locale: 'zh-CN' })
    const page = await context.newPage()
    await signIn(page, 'purchaser')
    await page.goto('/tenders?state=draft')
    await page.click('.lang-switch a[hreflang="en"]')
    expect(new URL(page.url()).searchParams.get('state')).toBe('draft')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.goto('/')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await context.close()
  })
})
