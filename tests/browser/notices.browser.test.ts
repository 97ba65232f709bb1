// The public notices in Chromium with JavaScript off, for a visitor who never signs in, in both
// languages: the list, a tender's page, the candidate publicity, the result and the award notice of a
// tender taken to its award notice. axe-core on each (its HTML in a context with JavaScript on, as axe
// is a script) and screenshots at both sizes.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { castBallots, chairRound, checkInAll, formAndFreeze, post, reachAwarding } from '../award/support.ts'
import { driveTender } from '../support/drive.ts'
import {
  axeCheck,
  type BrowserApp,
  openContext,
  screenshots,
  startBrowserApp,
  type UiLocale,
} from './browser.ts'

let app: BrowserApp
let tenderId: string
beforeAll(async () => {
  app = await startBrowserApp()
  const t = app.test
  const tender = await reachAwarding(t)
  tenderId = tender.tenderId
  const members = await formAndFreeze(t, tenderId)
  await checkInAll(t, tenderId, members)
  await chairRound(t, tenderId, members[0]!, 'open')
  const winner = tender.candidates[1]!
  await castBallots(
    t,
    tenderId,
    members,
    members.map((_, i) => (i < 3 ? winner : tender.candidates[0]!)),
  )
  await chairRound(t, tenderId, members[0]!, 'close')
  await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/decision`, {
    winnerBidId: winner,
    reasons: '多数同意',
  })
  t.clock.advance(3 * DAY_MS)
  await driveTender(t, tenderId, [{ type: 'END_PUBLICITY' }])
  await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award-notice`)
  await drainRecordOutbox({ db: t.database.db, clock: t.clock, keys: t.keys })
}, 120_000)
afterAll(() => app.close())

const PAGES = [
  ['list', () => '/public'],
  ['tender', () => `/public/tenders/${tenderId}`],
  ['candidates', () => `/public/tenders/${tenderId}/candidates`],
  ['result', () => `/public/tenders/${tenderId}/result`],
  ['award-notice', () => `/public/tenders/${tenderId}/award-notice`],
] as const

async function noViolations(axe: Page, page: Page, name: string): Promise<void> {
  await axe.goto('/login')
  await axe.setContent(await page.content(), { waitUntil: 'load' })
  const { violations, passes } = await axeCheck(axe)
  expect({ name, violations }).toEqual({ name, violations: [] })
  expect(passes).toBeGreaterThan(10)
}

describe.each(['zh-CN', 'en'] as UiLocale[])('the public notices in %s without JavaScript', (locale) => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  it('every notice page passes axe, for a visitor who is not signed in', async () => {
    const open = async (javaScript: boolean) => {
      const context = await openContext(app, { javaScript, locale, forAxe: javaScript })
      contexts.push(context)
      return context.newPage()
    }
    const axe = await open(true)
    const visitor = await open(false)
    for (const [name, url] of PAGES) {
      const response = await visitor.goto(url())
      expect(response?.status()).toBe(200)
      expect(await visitor.locator('form[action="/logout"]').count()).toBe(0)
      await noViolations(axe, visitor, `${name}-${locale}`)
      await screenshots(visitor, `notices-${name}-${locale}`)
    }
    await visitor.goto(`/public/tenders/${tenderId}/result`)
    expect(await visitor.locator('table.data-table').count()).toBe(1)
    await visitor.goto(`/public/tenders/${tenderId}/award-notice`)
    expect(await visitor.locator('a[href^="/records/"][href$="/pdf"]').count()).toBe(1)
  }, 120_000)
})
