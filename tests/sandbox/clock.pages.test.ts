// The operator's sandbox clock page: the time, the pending timers, moving forward by a duration or to
// the next due time (the timers on the way fire, as through the API), refusals beside the field, and
// the API's refusals for anyone else (403), without the form token (403, nothing moved) and where the
// sandbox is off (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../src/shared/clock.ts'
import { type PageClient, pageClient } from '../support/page-client.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let operator: PageClient

const sandboxNow = async () => Date.parse((await t.http.get('/api/v1/sandbox/clock')).body.now)
const stateOf = async (id: string) => (await t.http.get(`/api/v1/tenders/${id}`)).body.state

beforeAll(async () => {
  t = await startTestApp({ sandbox: true })
  operator = pageClient(t.app, { 'accept-language': 'zh-CN' })
  await operator.signIn('operator')
})
afterAll(async () => t.close())

describe('the sandbox clock page', () => {
  it('lists the pending deadline and moves to it: the bidding closes', async () => {
    const tenderId = await createPublished(t)
    const page = await operator.get('/operator/clock')
    expect(page.status).toBe(200)
    expect(page.document.querySelector('h1')?.textContent).toBe('沙盒时钟')
    expect(page.document.querySelector('nav.main-nav a[href="/operator/clock"]')).not.toBeNull()
    const row = page.document.querySelector(`a[href="/public/tenders/${tenderId}"]`)?.closest('tr')
    expect(row?.textContent).toContain('投标截止')
    const to = page.document.querySelector('input[name="to"]')?.getAttribute('value')
    expect(Date.parse(to!)).toBeGreaterThan(await sandboxNow())

    const moved = await operator.post('/operator/clock/advance', { to: to! })
    expect(moved.status).toBe(303)
    expect(moved.headers.location).toBe('/operator/clock?advanced=1')
    expect(await sandboxNow()).toBe(Date.parse(to!))
    expect(await stateOf(tenderId)).not.toBe('bidding')
    const after = await operator.get('/operator/clock?advanced=1')
    // sessions keep real time: three weeks on the sandbox clock sign nobody out
    expect(after.status).toBe(200)
    expect(after.document.querySelector('form[action="/logout"]')).not.toBeNull()
    expect(after.document.querySelector('.notice')?.textContent).toContain('沙盒时钟已拨到')
    const fired = [...after.document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(tenderId))
    expect(fired?.textContent).toContain('投标截止')
  })

  it('moves forward by a duration or a number of days', async () => {
    const before = await sandboxNow()
    expect((await operator.post('/operator/clock/advance', { by: 'PT2H' })).status).toBe(303)
    expect(await sandboxNow()).toBe(before + 2 * 3_600_000)
    await operator.get('/operator/clock')
    expect((await operator.post('/operator/clock/advance', { by: '3' })).status).toBe(303)
    expect(await sandboxNow()).toBe(before + 2 * 3_600_000 + 3 * DAY_MS)
  })

  it('shows a refusal beside the field and moves nothing', async () => {
    await operator.get('/operator/clock')
    const before = await sandboxNow()
    for (const by of ['P1M', '', 'soon']) {
      const page = await operator.post('/operator/clock/advance', { by })
      expect(page.status).toBe(422)
      expect(page.document.querySelector('.error-summary a[href="#f-by"]')).not.toBeNull()
      expect(page.document.querySelector('#f-by')?.getAttribute('aria-invalid')).toBe('true')
    }
    const back = await operator.post('/operator/clock/advance', {
      to: new Date(before - DAY_MS).toISOString(),
    })
    expect(back.status).toBe(422)
    expect(back.document.querySelector('.error-summary')?.textContent).toMatch(/forward|向前|clock/)
    expect(await sandboxNow()).toBe(before)
  })

  it('is the operator’s: 403 for anyone else and without the form token, the visitor is sent to sign in', async () => {
    const before = await sandboxNow()
    const purchaser = pageClient(t.app)
    await purchaser.signIn('purchaser')
    expect((await purchaser.get('/operator/clock')).status).toBe(403)
    expect((await purchaser.post('/operator/clock/advance', { by: 'P1D' })).status).toBe(403)
    expect(purchaser.cookies.size).toBeGreaterThan(0)
    expect((await pageClient(t.app).get('/operator/clock')).status).toBe(303)
    await operator.get('/operator/clock')
    expect((await operator.post('/operator/clock/advance', { by: 'P1D' }, { csrf: null })).status).toBe(403)
    expect(await sandboxNow()).toBe(before)
    const nav = await purchaser.get('/public')
    expect(nav.document.querySelector('nav.main-nav a[href="/operator/clock"]')).toBeNull()
  })

  it('answers 404 where the sandbox is off, as the API does', async () => {
    const plain = await startTestApp()
    try {
      const client = pageClient(plain.app)
      await client.signIn('operator')
      expect((await client.get('/operator/clock')).status).toBe(404)
      expect((await plain.http.get('/api/v1/sandbox/clock')).status).toBe(404)
    } finally {
      await plain.close()
    }
  })
})
