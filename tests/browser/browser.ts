// The browser harness: the whole app on a random local port, Debian's Chromium through playwright-core
// (a fresh profile per launch), contexts with JavaScript on or off in a language, sign-in through the
// login form, axe-core (WCAG 2.x A/AA) and screenshots at 1280×800 and 390×844 under artifacts/.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { REPOSITORY } from '../support/source-files.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

export const CHROMIUM = '/usr/bin/chromium'
const ARTIFACTS = path.join(REPOSITORY, 'artifacts')
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const

export interface BrowserApp {
  readonly test: TestApp
  readonly baseUrl: string
  readonly browser: Browser
  close(): Promise<void>
}

/** The app listening on 127.0.0.1 (a random port) and a headless Chromium; options as startTestApp's. */
export async function startBrowserApp(options: Parameters<typeof startTestApp>[0] = {}): Promise<BrowserApp> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`)
  const test = await startTestApp(options)
  const address = await test.app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    test,
    baseUrl: address,
    browser,
    async close() {
      await browser.close()
      await test.close()
    },
  }
}

/** A draft tender made through the API (as the purchaser), for pages to show. */
export async function createDraft(
  app: BrowserApp,
  particulars: { reference: string; title: string; description?: string },
) {
  await app.test.http
    .post('/api/v1/tenders')
    .set('authorization', `Bearer ${await app.test.token('purchaser')}`)
    .send({ description: '', category: 'works', estimatedValueFen: '3800000000', ...particulars })
    .expect(201)
}

export type UiLocale = 'zh-CN' | 'en'

export interface ContextOptions {
  readonly javaScript: boolean
  readonly locale: UiLocale
  /** Only for axe: its script is injected, which the page's CSP would refuse. */
  readonly forAxe?: boolean
}

export function openContext(app: BrowserApp, options: ContextOptions): Promise<BrowserContext> {
  return app.browser.newContext({
    baseURL: app.baseUrl,
    javaScriptEnabled: options.javaScript,
    locale: options.locale === 'en' ? 'en-GB' : 'zh-CN',
    viewport: VIEWPORTS[0],
    bypassCSP: options.forAxe === true,
  })
}

/** Signs in through the login form as a person would: choose the user, press the button. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login')
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.click(`form[action="/login"] button[name="username"][value="${username}"]`),
  ])
}

export async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/login/), page.click('form[action="/logout"] button')])
}

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[] }[]
}

/** axe-core on the page as it is, WCAG 2.0/2.1 A and AA: its violations and how many rules passed. */
export async function axeCheck(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    type Result = { violations: AxeViolation[]; passes: unknown[] }
    const page = globalThis as unknown as {
      axe: { run: (context: unknown, options: object) => Promise<Result> }
      document: unknown
    }
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }))
    return { violations, passes: result.passes.length }
  })
}

/** Full-page screenshots at both sizes: artifacts/<name>-1280x800.png and -390x844.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const original = page.viewportSize()
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size)
    await page.screenshot({
      path: path.join(ARTIFACTS, `${name}-${size.width}x${size.height}.png`),
      fullPage: true,
    })
  }
  if (original) await page.setViewportSize(original)
}
