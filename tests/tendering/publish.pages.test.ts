// The publish page publishes through the API's publishTender: the schema's and the machine's refusals
// come back beside their fields (a deadline too soon with its limit and source), the deadline typed in
// Shanghai time is stored in UTC, and the event is the signed-in purchaser's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shanghaiToUtc } from '../../src/tendering/publish.pages.ts'
import { lastTenderEvent, userId } from '../award/support.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { createDraft, eventCount } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let purchaser: PageClient
let tenderId: string
const url = () => `/tenders/${tenderId}/publish`

beforeAll(async () => {
  t = await startTestApp()
  tenderId = await createDraft(t)
  purchaser = pageClient(t.app)
  await purchaser.signIn('purchaser')
})
afterAll(() => t.close())

const main = (page: PageAnswer) => page.document.querySelector('main')?.textContent ?? ''
const fieldError = (page: PageAnswer, name: string) =>
  page.document.querySelector(`#f-${name}-error`)?.textContent ?? ''

/** 2026-03-02T09:30 Shanghai is TEST_START; `days` later at 10:00 Shanghai time. */
const localDeadline = (days: number) => {
  const at = new Date(Date.parse('2026-03-02T02:00:00Z') + days * 86_400_000 + 8 * 3_600_000)
  return at.toISOString().slice(0, 16)
}

const filled = (overrides: Record<string, string> = {}) => ({
  rulePackId: 'cn-national-bidding',
  evaluationMethod: 'comprehensive',
  awardMethod: 'simpleMajority',
  awardFactors: '投标报价\n企业信用\n\n项目经理业绩',
  deadline: localDeadline(25),
  ...overrides,
})

describe('publish page', () => {
  it('reads a typed Shanghai time as UTC, and hands anything else on as typed', () => {
    expect(shanghaiToUtc('2026-03-23T09:30')).toBe('2026-03-23T01:30:00.000Z')
    expect(shanghaiToUtc('2026-03-23T09:30:15')).toBe('2026-03-23T01:30:15.000Z')
    expect(shanghaiToUtc('next tuesday')).toBe('next tuesday')
  })

  it('shows the rule packs by name with what each allows, the methods, and the deadline in China time', async () => {
    const page = await purchaser.get(url())
    expect(page.status).toBe(200)
    expect(page.document.querySelectorAll('h1').length).toBe(1)
    const options = [...page.document.querySelectorAll('#f-rulePackId option')].map((o) => o.textContent)
    expect(options).toContain('全国 招标投标法 (national bidding law)')
    expect(options).toHaveLength(3)
    expect(main(page)).toContain('投标期不少于 20 日')
    expect(main(page)).toContain('招标投标法 Art 24')
    expect(page.document.querySelector('input[type="datetime-local"]#f-deadline')).not.toBeNull()
    expect(page.document.querySelector('label[for="f-deadline"]')?.textContent).toContain('北京时间')
    expect(page.document.querySelector('input[name="awardMethod"][value="lottery"]')).toBeNull()
    for (const control of page.document.querySelectorAll('input:not([type="hidden"]), textarea, select')) {
      const id = control.getAttribute('id')
      if (control.getAttribute('type') === 'radio') continue
      expect(id && page.document.querySelector(`label[for="${id}"]`)).toBeTruthy()
    }
    expect(page.document.querySelectorAll('fieldset legend').length).toBe(2)
  })

  it('answers 422 with the error summary for an empty form, nothing recorded', async () => {
    const before = await eventCount(t)
    await purchaser.get(url())
    const page = await purchaser.post(url(), { rulePackId: 'cn-national-bidding' })
    expect(page.status).toBe(422)
    const links = [...page.document.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'))
    expect(links).toEqual(['#f-evaluationMethod', '#f-awardMethod', '#f-awardFactors', '#f-deadline'])
    expect(fieldError(page, 'deadline')).toContain('请填写投标截止时间')
    expect(await eventCount(t)).toBe(before)
  })

  it("refuses a deadline too soon beside the field, with the pack's limit, earliest instant and source", async () => {
    await purchaser.get(url())
    const page = await purchaser.post(url(), filled({ deadline: localDeadline(5) }))
    expect(page.status).toBe(422)
    const error = fieldError(page, 'deadline')
    expect(error).toContain('不得少于 20 日')
    expect(error).toContain('北京时间')
    expect(error).toContain('依据：招标投标法 Art 24')
    expect(page.document.querySelector('.error-summary a')?.getAttribute('href')).toBe('#f-deadline')
    // What was typed is kept.
    expect(page.document.querySelector('#f-deadline')?.getAttribute('value')).toBe(localDeadline(5))
    expect(page.document.querySelector('#f-awardFactors')?.textContent).toContain('项目经理业绩')
  })

  it('refuses an award method the chosen pack does not allow, beside the method, in English too', async () => {
    await purchaser.get(url())
    const page = await purchaser.post(
      url(),
      filled({ rulePackId: 'cn-national-gp', awardMethod: 'pairwise' }),
    )
    expect(page.status).toBe(422)
    expect(fieldError(page, 'awardMethod')).toContain('规则包不允许此定标方法')
    expect(fieldError(page, 'awardMethod')).toContain('依据：rule pack cn-national-gp')
    const unavailable = await purchaser.post(url(), filled({ awardMethod: 'pairwise' }))
    expect(unavailable.status).toBe(422)
    expect(fieldError(unavailable, 'awardMethod')).toContain('本平台尚不支持此定标方法，可选：simpleMajority')
    expect(unavailable.document.querySelector('#f-awardMethod-1-hint')?.textContent).toBe(
      '本平台尚不能以此方法定标',
    )
    const en = pageClient(t.app, { 'accept-language': 'en' })
    await en.signIn('purchaser')
    await en.get(`${url()}?lang=en`)
    const english = await en.post(url(), filled({ evaluationMethod: 'nonsense' }))
    expect(english.status).toBe(422)
    expect(fieldError(english, 'evaluationMethod')).toBe('Select the evaluation method')
  })

  it('refuses a POST without the CSRF token, recording nothing', async () => {
    const before = await eventCount(t)
    const page = await purchaser.post(url(), filled(), { csrf: null })
    expect(page.status).toBe(403)
    expect(await eventCount(t)).toBe(before)
  })

  it('is 404 for a bidder (a draft is hidden) and 403 for a supervisor (not the owner)', async () => {
    const bidder = pageClient(t.app)
    await bidder.signIn('bidder1')
    expect((await bidder.get(url())).status).toBe(404)
    const supervisor = pageClient(t.app)
    await supervisor.signIn('supervisor')
    expect((await supervisor.get(url())).status).toBe(403)
    await supervisor.get('/tenders')
    expect((await supervisor.post(url(), filled())).status).toBe(403)
  })

  it('publishes as the signed-in purchaser and sees the overview (303), the deadline stored in UTC', async () => {
    await purchaser.get(url())
    const page = await purchaser.post(url(), filled())
    expect(page.status).toBe(303)
    expect(page.headers.location).toBe(`/tenders/${tenderId}`)
    const event = await lastTenderEvent(t, tenderId)
    expect(event.type).toBe('PUBLISH')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const data = event.data as { deadline: string; awardFactors: string[]; rulePack: { id: string } }
    expect(data.deadline).toBe(shanghaiToUtc(localDeadline(25)))
    expect(data.awardFactors).toEqual(['投标报价', '企业信用', '项目经理业绩'])
    expect(data.rulePack.id).toBe('cn-national-bidding')
    const again = await purchaser.get(url())
    expect(again.status).toBe(200)
    expect(main(again)).toContain('该项目已经发布')
  })
})
