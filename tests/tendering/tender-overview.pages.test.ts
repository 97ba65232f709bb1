// The tender overview page and the records' page-scope downloads: the purchaser sees the facts, the
// stepper, only the actions the machine allows it now, the timeline and the verified records; oversight
// sees no actions; others get what the API gives them; a record download is the API's exact bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { type AwardingTender, bearer, reachAwarding } from '../award/support.ts'
import { recordDeps } from '../records/support.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { createDraft, createPublished, draftBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let tender: AwardingTender
const overview = () => `/tenders/${tender.tenderId}`

beforeAll(async () => {
  t = await startTestApp()
  tender = await reachAwarding(t)
  await drainRecordOutbox(recordDeps(t))
}, 60_000)
afterAll(() => t.close())

/** One session per user (sign-ins are throttled per address). */
const clients = new Map<string, PageClient>()
async function signedIn(username: string): Promise<PageClient> {
  const known = clients.get(username)
  if (known) return known
  const client = pageClient(t.app)
  await client.signIn(username)
  clients.set(username, client)
  return client
}

const main = (page: PageAnswer) => page.document.querySelector('main')!
const section = (page: PageAnswer, id: string) =>
  page.document.querySelector(`section[aria-labelledby="${id}"]`)!
const actionLinks = (page: PageAnswer) =>
  [...section(page, 'actions').querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])

async function apiRecords(username: string) {
  const res = await t.http
    .get(`/api/v1/tenders/${tender.tenderId}/records`)
    .set('authorization', await bearer(t, username))
  return res.body.items as { recordId: string; type: string }[]
}

describe('tender overview', () => {
  it('shows the purchaser the facts, the stepper with the current step, and the dates', async () => {
    const page = await (await signedIn('purchaser')).get(overview())
    expect(page.status).toBe(200)
    expect(page.document.querySelectorAll('h1')).toHaveLength(1)
    expect(page.document.querySelector('h1')!.textContent).toBe(draftBody.title)
    const facts = section(page, 'facts').textContent
    expect(facts).toContain(draftBody.reference)
    expect(facts).toContain('¥38,500,000.00')
    expect(facts).toContain('¥40,000,000.00')
    expect(facts).toContain('综合评估法')
    expect(facts).toContain('票决法（简单多数）')
    const current = page.document.querySelector('.stepper [aria-current="step"]')!
    expect(current.textContent).toContain('定标中')
    expect(current.textContent).toContain('当前')
    expect(page.document.querySelectorAll('.stepper li')).toHaveLength(9)
    expect(page.document.querySelector('.stepper li')!.textContent).toContain('已完成')
    expect(section(page, 'dates').textContent).toContain('北京时间')
  })

  it("offers exactly the machine's allowed events this purchaser may send, each as a link", async () => {
    const api = await t.http
      .get(`/api/v1/tenders/${tender.tenderId}`)
      .set('authorization', await bearer(t, 'purchaser'))
    expect(api.body.allowedEvents).toContain('FORM_AWARD_COMMITTEE')
    const page = await (await signedIn('purchaser')).get(overview())
    expect(actionLinks(page)).toContainEqual(['抽取定标委员会', `/tenders/${tender.tenderId}/award`])
    // Nothing the machine does not allow now (no publishing, no opening).
    const text = section(page, 'actions').textContent
    for (const absent of ['发布招标公告', '开标', '提交评标报告']) expect(text).not.toContain(absent)
    // Every item is one of the allowed events.
    expect(section(page, 'actions').querySelectorAll('li').length).toBeLessThanOrEqual(
      api.body.allowedEvents.length,
    )
  })

  it('lists the timeline newest first with the event in words, who and the hash prefix', async () => {
    const page = await (await signedIn('purchaser')).get(overview())
    const rows = [...section(page, 'timeline').querySelectorAll('tbody tr')]
    const history = await t.http
      .get(`/api/v1/tenders/${tender.tenderId}/history`)
      .set('authorization', await bearer(t, 'purchaser'))
    const events = history.body.events as { hash: string }[]
    expect(rows).toHaveLength(events.length)
    expect(rows[0]!.textContent).toContain('结束公示')
    expect(rows[0]!.textContent).toContain(events.at(-1)!.hash.slice(0, 12))
    expect(rows.at(-1)!.textContent).toContain('创建招标项目')
    expect(rows.at(-1)!.textContent).toContain('陈志远')
    expect(rows.at(-2)!.textContent).toContain('发布招标公告')
    expect(section(page, 'timeline').querySelector('caption')!.textContent).toContain('最新的在前')
  })

  it('shows the latest 50 events of a long history, and all of them on request', async () => {
    const tenderId = await createPublished(t)
    for (let i = 0; i < 30; i++) {
      const asked = await t.http
        .post(`/api/v1/tenders/${tenderId}/questions`)
        .set('authorization', await bearer(t, 'bidder2'))
        .send({ question: `问题 ${i}：图纸与清单是否一致？` })
      expect(asked.status).toBe(201)
      const answered = await t.http
        .post(`/api/v1/tenders/${tenderId}/questions/${asked.body.questionId ?? asked.body.id}/answer`)
        .set('authorization', await bearer(t, 'purchaser'))
        .send({ answer: '以图纸为准。' })
      expect(answered.status).toBe(200)
    }
    const page = await (await signedIn('purchaser')).get(`/tenders/${tenderId}`)
    const timelineText = section(page, 'timeline').textContent
    expect(section(page, 'timeline').querySelectorAll('tbody tr')).toHaveLength(50)
    expect(timelineText).toContain('显示最近 50 条')
    expect(timelineText).toContain('提出澄清问题')
    // The asker is a bidder: withheld, as the history API withholds it.
    expect(timelineText).toContain('投标人（身份不公开）')
    expect(timelineText).not.toContain('bidder2')
    const all = await (await signedIn('purchaser')).get(`/tenders/${tenderId}?events=all`)
    expect(section(all, 'timeline').querySelectorAll('tbody tr')).toHaveLength(62)
  })

  it('lists the records open to the purchaser, verified, with page-scope downloads', async () => {
    const page = await (await signedIn('purchaser')).get(overview())
    const rows = [...section(page, 'records').querySelectorAll('tbody tr')]
    const items = await apiRecords('purchaser')
    expect(items.map((r) => r.type)).toEqual(['opening_record', 'evaluation_report'])
    expect(rows).toHaveLength(items.length)
    expect(rows[0]!.textContent).toContain('开标记录')
    for (const row of rows) expect(row.textContent).toContain('已验证')
    expect(rows[1]!.querySelector('a')!.getAttribute('href')).toBe(`/records/${items[1]!.recordId}/pdf`)
  })

  it('shows oversight the page read-only: no actions', async () => {
    for (const username of ['supervisor', 'auditor', 'operator']) {
      const page = await (await signedIn(username)).get(overview())
      expect(page.status).toBe(200)
      expect(actionLinks(page)).toEqual([])
      expect(section(page, 'actions').textContent).toContain('只读')
      expect(section(page, 'timeline').querySelectorAll('tbody tr').length).toBeGreaterThan(5)
    }
  })

  it('gives a bidder what the API gives: the tender, no history, only public records', async () => {
    const page = await (await signedIn('bidder1')).get(overview())
    expect(page.status).toBe(200)
    expect(section(page, 'timeline').querySelector('table')).toBeNull()
    expect(section(page, 'timeline').textContent).toContain('仅向招标人')
    const rows = section(page, 'records').querySelectorAll('tbody tr')
    expect(rows).toHaveLength((await apiRecords('bidder1')).length)
    expect(rows).toHaveLength(1)
    expect(actionLinks(page)).toEqual([])
  })

  it("answers a draft of another purchaser's with 404, like the API", async () => {
    const draftId = await createDraft(t)
    const api = await t.http
      .get(`/api/v1/tenders/${draftId}`)
      .set('authorization', await bearer(t, 'bidder1'))
    expect(api.status).toBe(404)
    const page = await (await signedIn('bidder1')).get(`/tenders/${draftId}`)
    expect(page.status).toBe(404)
    expect(page.headers['content-type']).toContain('text/html')
    expect((await (await signedIn('purchaser')).get(`/tenders/${draftId}`)).status).toBe(200)
  })

  it('renders a hostile title as text and offers the draft its publish page', async () => {
    const hostile = '<script>alert(1)</script>'
    const draftId = await createDraft(t, { ...draftBody, reference: 'XSS-1', title: hostile })
    const page = await (await signedIn('purchaser')).get(`/tenders/${draftId}`)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain(hostile)
    expect(page.document.querySelector('h1')!.textContent).toBe(hostile)
    expect(main(page).querySelector('script')).toBeNull()
    expect(actionLinks(page)).toContainEqual(['发布招标公告', `/tenders/${draftId}/publish`])
    expect(page.document.querySelector('.stepper [aria-current="step"]')!.textContent).toContain('草稿')
  })

  it('links each row of the tenders list to its overview', async () => {
    const page = await (await signedIn('purchaser')).get('/tenders')
    const hrefs = [...page.document.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toContain(overview())
  })

  it('sends to sign in without a session', async () => {
    const page = await pageClient(t.app).get(overview())
    expect(page.status).toBe(303)
    expect(page.headers.location).toContain('/login')
  })
})

describe('record downloads in the page scope', () => {
  it("sends the API's exact PDF and JWS bytes with their type and file name", async () => {
    const items = await apiRecords('purchaser')
    const purchaser = await signedIn('purchaser')
    for (const { recordId } of items) {
      const auth = await bearer(t, 'purchaser')
      for (const [kind, type] of [
        ['pdf', 'application/pdf'],
        ['jws', 'application/jose'],
      ] as const) {
        const api = await t.app.inject({
          url: `/api/v1/records/${recordId}/${kind}`,
          headers: { authorization: auth },
        })
        const page = await t.app.inject({
          url: `/records/${recordId}/${kind}`,
          headers: { cookie: [...purchaser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        })
        expect(page.statusCode).toBe(200)
        expect(page.headers['content-type']).toContain(type)
        expect(page.headers['content-disposition']).toBe(`attachment; filename="${recordId}.${kind}"`)
        expect(page.rawPayload.equals(api.rawPayload)).toBe(true)
      }
    }
  })

  it('refuses a restricted record to a bidder with an HTML 403, and an unknown one with 404', async () => {
    const report = (await apiRecords('purchaser')).find((r) => r.type === 'evaluation_report')!
    const bidder = await signedIn('bidder1')
    const refused = await bidder.get(`/records/${report.recordId}/pdf`)
    expect(refused.status).toBe(403)
    expect(refused.headers['content-type']).toContain('text/html')
    expect((await bidder.get(`/records/${report.recordId}/jws`)).status).toBe(403)
    const opening = (await apiRecords('purchaser')).find((r) => r.type === 'opening_record')!
    expect((await bidder.get(`/records/${opening.recordId}/pdf`)).status).toBe(200)
    const missing = await bidder.get('/records/rec_missing/pdf')
    expect(missing.status).toBe(404)
    expect(missing.headers['content-type']).toContain('text/html')
  })
})
