// The opening page reads the opening record as the API gives it and closes and opens through the API's
// closeBidding and openBids: sealed bids show nothing before the close, the forms appear only when the
// machine takes them and the viewer may send them, and the events are the signed-in user's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lastTenderEvent, userId } from '../award/support.ts'
import {
  bidBody,
  createDraft,
  createPublished,
  eventCount,
  passDeadline,
  submitOk,
} from '../support/bidding.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let tenderId: string
let purchaser: PageClient
let operator: PageClient
let bidder: PageClient
const url = () => `/tenders/${tenderId}/opening`
const PRICES = ['3800000000', '3650000000', '3720000000']

async function signedIn(username: string): Promise<PageClient> {
  const client = pageClient(t.app)
  await client.signIn(username)
  return client
}

beforeAll(async () => {
  t = await startTestApp()
  tenderId = await createPublished(t)
  for (const [i, price] of PRICES.entries()) await submitOk(t, tenderId, `bidder${i + 1}`, bidBody(price))
  purchaser = await signedIn('purchaser')
  operator = await signedIn('operator')
  bidder = await signedIn('bidder1')
})
afterAll(() => t.close())

const main = (page: PageAnswer) => page.document.querySelector('main')?.textContent ?? ''
const form = (page: PageAnswer, action: string) =>
  page.document.querySelector(`form[action="/tenders/${tenderId}/${action}"]`)

describe('opening page', () => {
  it('shows sealed bids as sealed before the deadline: no count, no bidder, no form', async () => {
    const page = await purchaser.get(url())
    expect(page.status).toBe(200)
    expect(page.document.querySelectorAll('h1').length).toBe(1)
    expect(main(page)).toContain('投标文件处于密封状态')
    expect(main(page)).not.toContain('投标文件数量')
    expect(page.document.querySelector('table')).toBeNull()
    expect(form(page, 'close-bidding')).toBeNull()
    expect(form(page, 'open')).toBeNull()
  })

  it('refuses closing before the deadline with 422 and the reason, recording nothing', async () => {
    const before = await eventCount(t)
    const page = await purchaser.post(`/tenders/${tenderId}/close-bidding`, {})
    expect(page.status).toBe(422)
    expect(page.document.querySelector('.error-summary')?.textContent).toContain('投标截止时间未到')
    expect(await eventCount(t)).toBe(before)
  })

  it('offers the close to the purchaser once the deadline passed, never to a bidder', async () => {
    await passDeadline(t, tenderId)
    // Three weeks on, the sessions have lapsed: sign in again.
    purchaser = await signedIn('purchaser')
    operator = await signedIn('operator')
    bidder = await signedIn('bidder1')
    const page = await purchaser.get(url())
    expect(
      form(page, 'close-bidding')?.querySelector('input[name="_csrf"]')?.getAttribute('value'),
    ).toBeTruthy()
    expect(form(page, 'open')).toBeNull()
    const seen = await bidder.get(url())
    expect(seen.status).toBe(200)
    expect(form(seen, 'close-bidding')).toBeNull()
    const before = await eventCount(t)
    expect((await bidder.post(`/tenders/${tenderId}/close-bidding`, {})).status).toBe(403)
    expect(await eventCount(t)).toBe(before)
  })

  it('refuses a close without the CSRF token, recording nothing', async () => {
    const before = await eventCount(t)
    const page = await purchaser.post(`/tenders/${tenderId}/close-bidding`, {}, { csrf: null })
    expect(page.status).toBe(403)
    expect(await eventCount(t)).toBe(before)
  })

  it('closes as the purchaser: the count and the bid-set hash show, and the open form', async () => {
    await purchaser.get(url())
    const closed = await purchaser.post(`/tenders/${tenderId}/close-bidding`, {})
    expect(closed.status).toBe(303)
    expect(closed.headers.location).toBe(url())
    const event = await lastTenderEvent(t, tenderId)
    expect(event.type).toBe('CLOSE_BIDDING')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const page = await purchaser.get(url())
    expect(main(page)).toContain('已截标，尚未开标')
    const hash = (event.data as { bidSetHash: string }).bidSetHash
    expect(page.document.querySelector('code.hash')?.textContent).toBe(hash)
    expect(main(page)).toContain('投标文件数量3')
    expect(form(page, 'close-bidding')).toBeNull()
    expect(form(page, 'open')).not.toBeNull()
  })

  it('opens as the operator: the record lists every bidder, price and outcome', async () => {
    await operator.get(url())
    const opened = await operator.post(`/tenders/${tenderId}/open`, {})
    expect(opened.status).toBe(303)
    const event = await lastTenderEvent(t, tenderId)
    expect(event.type).toBe('OPEN')
    expect(event.meta).toMatchObject({ userId: userId('operator') })
    const page = await bidder.get(url())
    expect(page.status).toBe(200)
    const rows = [...page.document.querySelectorAll('tbody tr')]
    expect(rows).toHaveLength(3)
    expect(page.document.querySelector('caption')?.textContent).toContain('共 3 份')
    const text = main(page)
    expect(text).toContain('¥38,000,000.00')
    expect(text).toContain('¥36,500,000.00')
    expect(text).toContain('已开启')
    expect(rows.every((row) => row.querySelector('th[scope="row"]')?.textContent)).toBe(true)
    expect(form(page, 'open')).toBeNull()
    const english = await bidder.get(`${url()}?lang=en`)
    expect(main(english)).toContain('Opened')
    expect(main(english)).toContain('Bid set hash')
  })

  it("is 404 for somebody else's draft", async () => {
    const draft = await createDraft(t)
    expect((await bidder.get(`/tenders/${draft}/opening`)).status).toBe(404)
    const page = await purchaser.get(`/tenders/${draft}/opening`)
    expect(main(page)).toContain('项目尚未发布')
  })
})
