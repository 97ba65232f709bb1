// The award meeting in Chromium with JavaScript off, in Chinese: a member checks in with the declaration
// and votes through the confirm page to a receipt; the chair opens and closes the round; the member then
// reads the round's counts. axe-core on each page (with JavaScript on, as axe is a script) and screenshots.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AwardingTender,
  castBallots,
  checkInAll,
  formAndFreeze,
  reachAwarding,
} from '../award/support.ts'
import { axeCheck, type BrowserApp, openContext, screenshots, signIn, startBrowserApp } from './browser.ts'

let app: BrowserApp
let tender: AwardingTender
let members: string[]
beforeAll(async () => {
  app = await startBrowserApp()
  tender = await reachAwarding(app.test)
  members = await formAndFreeze(app.test, tender.tenderId)
})
afterAll(() => app.close())

/** axe on the page as the no-JS browser shows it: its HTML loaded into a context with JavaScript on. */
async function noViolations(axe: Page, page: Page, name: string): Promise<void> {
  await axe.goto('/login')
  await axe.setContent(await page.content(), { waitUntil: 'load' })
  const { violations, passes } = await axeCheck(axe)
  expect({ name, violations }).toEqual({ name, violations: [] })
  expect(passes).toBeGreaterThan(10)
  await screenshots(page, `award-${name}-zh-CN`)
}

describe('the award meeting without JavaScript', () => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  it('a member checks in and votes through the confirm page; the chair opens and closes the round', async () => {
    const open = async (javaScript: boolean) => {
      const context = await openContext(app, { javaScript, locale: 'zh-CN', forAxe: javaScript })
      contexts.push(context)
      return context.newPage()
    }
    const axe = await open(true)
    const member = await open(false)
    const chair = await open(false)
    const meeting = `/meetings/${tender.tenderId}`

    await signIn(member, members[1]!)
    await member.goto('/meetings')
    await noViolations(axe, member, 'my-meetings')
    await Promise.all([member.waitForURL(`**${meeting}`), member.click(`a[href="${meeting}"]`)])
    await noViolations(axe, member, 'check-in')
    await member.click('form[action$="/check-in"] button')
    await member.waitForSelector('.error-summary')
    await noViolations(axe, member, 'check-in-error')
    await member.check('#f-declare')
    await Promise.all([member.waitForURL(`**${meeting}`), member.click('text=声明无利害关系并签到')])
    expect(await member.textContent('main')).toContain('您已签到')

    await checkInAll(app.test, tender.tenderId, [members[0]!, ...members.slice(2)])
    await signIn(chair, members[0]!)
    await chair.goto(meeting)
    await noViolations(axe, chair, 'console-before')
    await Promise.all([chair.waitForURL(`**${meeting}`), chair.click('text=开启第1轮')])

    await member.goto(meeting)
    expect(await member.textContent('.round-status')).toContain('已投 0/5')
    await noViolations(axe, member, 'ballot')
    await member.check(`input[value="${tender.candidates[1]}"]`)
    await member.fill('#f-reason', '报价最低，信用良好，类似业绩丰富')
    await Promise.all([
      member.waitForURL(`**${meeting}/ballot/confirm`),
      member.click('text=下一步：确认投票'),
    ])
    expect(await member.textContent('main')).toContain('提交后不可修改')
    await noViolations(axe, member, 'ballot-confirm')
    await Promise.all([
      member.waitForURL(`**${meeting}/receipt`),
      member.click('form[action$="/ballot"] button'),
    ])
    const code = await member.textContent('.receipt-code')
    expect(code).toMatch(/^\d+-[0-9a-f]{12}$/)
    await noViolations(axe, member, 'receipt')

    await chair.goto(meeting)
    expect(await chair.textContent('#console')).toContain('✓ 已投')
    expect(await chair.textContent('main')).not.toContain('得票数')
    const others = [members[0]!, ...members.slice(2)]
    await castBallots(
      app.test,
      tender.tenderId,
      others,
      others.map(() => tender.candidates[1]!),
    )
    await Promise.all([chair.waitForURL(`**${meeting}?#console`), chair.click('text=刷新状态')])
    await noViolations(axe, chair, 'console-all-voted')
    await Promise.all([chair.waitForURL(`**${meeting}`), chair.click('text=结束第1轮')])
    await noViolations(axe, chair, 'console-closed')

    await member.goto(meeting)
    expect(await member.textContent('#result-1 + table, main')).toContain('得票数')
    await noViolations(axe, member, 'result')
  }, 120_000)
})
