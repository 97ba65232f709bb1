// The award setup page in Chromium with JavaScript off, in both languages: the purchaser is refused an
// even committee beside the size, draws the committee (the proof on the page), freezes the dossiers (the
// hash the API reads), and after the decision finds the award report's link. axe-core on each page (with
// JavaScript on, as axe is a script) and screenshots at both sizes.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import {
  type AwardingTender,
  checkInAll,
  get,
  post,
  reachAwarding,
  usernameOf,
  voteRound,
} from '../award/support.ts'
import { recordDeps } from '../records/support.ts'
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
const tenders = new Map<UiLocale, AwardingTender>()
beforeAll(async () => {
  app = await startBrowserApp()
  for (const locale of ['zh-CN', 'en'] as const) tenders.set(locale, await reachAwarding(app.test))
}, 120_000)
afterAll(() => app.close())

/** axe on the page as the no-JS browser shows it: its HTML loaded into a context with JavaScript on. */
async function noViolations(axe: Page, page: Page, name: string, locale: UiLocale): Promise<void> {
  await axe.goto('/login')
  await axe.setContent(await page.content(), { waitUntil: 'load' })
  const { violations, passes } = await axeCheck(axe)
  expect({ name, violations }).toEqual({ name, violations: [] })
  expect(passes).toBeGreaterThan(10)
  await screenshots(page, `award-setup-${name}-${locale}`)
}

const WORDS = {
  'zh-CN': { draw: '随机抽取定标委员会', freeze: '封存定标资料' },
  en: { draw: 'Draw the award committee', freeze: 'Freeze the dossiers' },
} as const

describe('the award setup page without JavaScript', () => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`the purchaser draws the committee and freezes the dossiers (${locale})`, async () => {
      const tender = tenders.get(locale)!
      const open = async (javaScript: boolean) => {
        const context = await openContext(app, { javaScript, locale, forAxe: javaScript })
        contexts.push(context)
        return context.newPage()
      }
      const axe = await open(true)
      const page = await open(false)
      const setup = `/tenders/${tender.tenderId}/award`
      const words = WORDS[locale]

      await signIn(page, 'purchaser')
      await page.goto(setup)
      await noViolations(axe, page, 'draw-form', locale)

      await page.fill('#f-size', '6')
      await Promise.all([page.waitForURL(`**${setup}/committee`), page.click(`text=${words.draw}`)])
      expect(await page.textContent('#f-size-error')).toBeTruthy()
      expect(await page.getAttribute('#f-size', 'aria-invalid')).toBe('true')
      await noViolations(axe, page, 'draw-error', locale)

      await page.fill('#f-size', '')
      await Promise.all([page.waitForURL(`**${setup}`), page.click(`text=${words.draw}`)])
      const view = (await get(app.test, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award`)).body
      expect(await page.textContent('#draw-commitment')).toBe(view.draw.secretCommitment)
      expect(await page.textContent('#draw-seed')).toBe(view.draw.seed)
      await noViolations(axe, page, 'drawn', locale)

      await Promise.all([page.waitForURL(`**${setup}`), page.click(`text=${words.freeze}`)])
      const dossiers = await get(app.test, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award/dossiers`)
      expect(await page.textContent('#dossier-title ~ dl code.hash')).toBe(dossiers.body.dossierHash)
      await noViolations(axe, page, 'frozen', locale)

      const members = view.committee.members.map((m: { userId: string }) => usernameOf(m.userId))
      await checkInAll(app.test, tender.tenderId, members)
      const winner = tender.candidates[0]!
      await voteRound(
        app.test,
        tender.tenderId,
        members,
        members.map(() => winner),
      )
      const decided = await post(app.test, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award/decision`, {
        winnerBidId: winner,
        reasons: '定标委员会一致同意，报价合理',
      })
      expect(decided.status).toBe(200)
      await drainRecordOutbox(recordDeps(app.test))
      await page.goto(setup)
      expect(await page.getAttribute('a.report-link', 'href')).toMatch(/^\/records\/.+\/pdf$/)
      await noViolations(axe, page, 'decided', locale)
    }, 120_000)
  }
})
