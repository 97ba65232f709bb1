// Hostile text entered as data (a tender title, a description, a form's values) is shown as text on
// every page: no script runs, no dialog opens, with the page's own CSP in force and JavaScript on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserApp, createDraft, openContext, signIn, startBrowserApp } from './browser.ts'

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)//' onmouseover='alert(1)",
]

let app: BrowserApp
beforeAll(async () => {
  app = await startBrowserApp()
  for (const [index, title] of HOSTILE.entries()) {
    await createDraft(app, { reference: `H-${index}`, title, description: title })
  }
})
afterAll(() => app.close())

describe('hostile strings', () => {
  it('render as text, and nothing runs', async () => {
    const context = await openContext(app, { javaScript: true, locale: 'zh-CN' })
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    await signIn(page, 'purchaser')
    await page.goto('/tenders')
    const titles = await page.$$eval('tbody tr td:first-of-type', (cells) =>
      cells.map((cell) => cell.textContent),
    )
    expect([...titles].sort()).toEqual([...HOSTILE].sort())
    expect(await page.$$eval('main img, main script', (found) => found.length)).toBe(0)

    await page.goto('/tenders/new')
    for (const [field, value] of [
      ['reference', HOSTILE[0]!],
      ['title', HOSTILE[1]!],
      ['description', HOSTILE[2]!],
      ['estimatedValue', HOSTILE[1]!],
    ] as const) {
      await page.fill(`[name="${field}"]`, value)
    }
    await page.click('form[action="/tenders/new"] button[type="submit"]')
    await page.waitForSelector('.error-summary')
    expect(await page.inputValue('[name="title"]')).toBe(HOSTILE[1])
    expect(await page.inputValue('[name="description"]')).toBe(HOSTILE[2])
    await page.hover('h1')
    await page.goto(`/tenders?state=${encodeURIComponent(HOSTILE[1]!)}`)
    expect(await page.$$eval('main img', (found) => found.length)).toBe(0)
    await page.goto(`/login?next=${encodeURIComponent('javascript:alert(1)')}`)
    expect(dialogs).toEqual([])
    await context.close()
  })
})
