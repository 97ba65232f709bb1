// The public notices, read by a visitor who never signs in: each page at each phase, nothing the API
// hides from a caller without a token (no bid before the opening, no count of a round still open, no
// ballot, no member's vote), hostile strings as text, and a 404 for a tender a visitor may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import {
  castBallots,
  chairRound,
  checkInAll,
  formAndFreeze,
  post,
  reachAwarding,
  reachCandidatePublicity,
} from '../award/support.ts'
import { driveTender } from '../support/drive.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { createDraft, draftBody, publishBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

const HOSTILE = '<script>alert("公告")</script> & <b>桂澜路</b>'

let t: TestApp
let visitor: PageClient

async function publishHostile(app: TestApp): Promise<string> {
  const id = await createDraft(app, {
    ...draftBody,
    title: HOSTILE,
    description: `<img src=x onerror=alert(1)>`,
  })
  const res = await post(app, 'purchaser', `/api/v1/tenders/${id}/publish`, publishBody(app))
  if (res.status !== 200) throw new Error(`publish: ${res.status}`)
  return id
}

const text = (page: PageAnswer) => page.document.querySelector('main')?.textContent ?? ''

beforeAll(async () => {
  t = await startTestApp()
  visitor = pageClient(t.app, { 'accept-language': 'zh-CN' })
})
afterAll(async () => t.close())

describe('the public notices for a visitor', () => {
  it('lists the published tenders, shows a tender before its opening without any bid, and 404s a draft', async () => {
    const published = await publishHostile(t)
    const draft = await createDraft(t)
    const list = await visitor.get('/public')
    expect(list.status).toBe(200)
    expect(visitor.cookies.has('yx_session')).toBe(false)
    const link = list.document.querySelector(`a[href="/public/tenders/${published}"]`)
    expect(link?.textContent).toBe(HOSTILE)
    expect(list.body).not.toContain('<script>alert')
    expect(list.document.querySelector(`a[href="/public/tenders/${draft}"]`)).toBeNull()
    // the visitor's header: the public navigation and a sign-in link
    expect(list.document.querySelector('nav.main-nav a[href="/public"]')?.getAttribute('aria-current')).toBe(
      'page',
    )
    expect(list.document.querySelector('nav.main-nav a[href="/tenders"]')).toBeNull()
    expect(list.document.querySelector('header a[href="/login"]')?.textContent).toBe('登录')
    const login = await visitor.get('/login')
    expect(login.document.querySelector('nav.main-nav a[href="/public"]')?.textContent).toBe('公示公告')

    const page = await visitor.get(`/public/tenders/${published}`)
    expect(page.status).toBe(200)
    expect(page.document.querySelector('h1')?.textContent).toBe(HOSTILE)
    expect(page.body).not.toContain('<img src=x')
    expect(text(page)).toContain('<img src=x onerror=alert(1)>')
    expect(text(page)).toContain('NHSZ-2026-018')
    expect(text(page)).toContain('开标后公布开标记录')
    expect(page.document.querySelector('time')).not.toBeNull()
    for (const kind of ['candidates', 'result', 'award-notice']) {
      const notYet = await visitor.get(`/public/tenders/${published}/${kind}`)
      expect(notYet.status).toBe(200)
      expect(text(notYet)).toContain('本阶段尚未公示')
    }
    for (const url of [
      `/public/tenders/${draft}`,
      `/public/tenders/${draft}/result`,
      '/public/tenders/tnd_nope',
    ])
      expect((await visitor.get(url)).status).toBe(404)
  })

  it('publishes the candidates with bidder, price, score and the running period, and how to object', async () => {
    const tender = await reachCandidatePublicity(t)
    const page = await visitor.get(`/public/tenders/${tender.tenderId}/candidates`)
    expect(page.status).toBe(200)
    const rows = [...page.document.querySelectorAll('table.data-table tbody tr')]
    expect(rows).toHaveLength(3)
    expect(rows[0]!.textContent).toContain('¥38,000,000.00')
    expect(rows[0]!.querySelector('th')?.textContent).toBe('第 1 名')
    expect(rows[0]!.textContent).toMatch(/8\d\.\d\d/)
    expect(text(page)).toContain('公示进行中')
    expect(text(page)).toContain(`POST /api/v1/tenders/${tender.tenderId}/objections`)
    expect(text(page)).toContain('北京时间')
    // the tender page now carries the opening record: who bid, at what price
    const tenderPage = await visitor.get(`/public/tenders/${tender.tenderId}`)
    expect(tenderPage.document.querySelectorAll('table.data-table tbody tr').length).toBeGreaterThanOrEqual(4)
    expect(text(tenderPage)).toContain('¥36,500,000.00')
    expect(text(await visitor.get(`/public/tenders/${tender.tenderId}/result`))).toContain('本阶段尚未公示')
  })

  it('keeps the votes secret while the round is open, then publishes the counts, never the ballots', async () => {
    const tender = await reachAwarding(t, undefined, { publish: publishHostile })
    const id = tender.tenderId
    const members = await formAndFreeze(t, id)
    await checkInAll(t, id, members)
    await chairRound(t, id, members[0]!, 'open')
    const winner = tender.candidates[1]!
    await castBallots(
      t,
      id,
      members,
      members.map((_, i) => (i < 4 ? winner : tender.candidates[0]!)),
    )
    const open = await visitor.get(`/public/tenders/${id}/result`)
    expect(text(open)).toContain('本阶段尚未公示')
    expect(text(open)).not.toContain('得票数')
    expect(text(await visitor.get(`/public/tenders/${id}/candidates`))).toContain('公示已结束')

    await chairRound(t, id, members[0]!, 'close')
    const decided = await post(t, 'purchaser', `/api/v1/tenders/${id}/award/decision`, {
      winnerBidId: winner,
      reasons: '<i>定标委员会多数同意</i>',
    })
    expect(decided.status).toBe(200)
    const result = await visitor.get(`/public/tenders/${id}/result`)
    expect(result.status).toBe(200)
    const body = text(result)
    expect(body).toContain('¥36,500,000.00')
    expect(body).toContain('票决法（简单多数）')
    expect(body).toContain('公示进行中')
    const counts = [...result.document.querySelectorAll('table.data-table tbody tr')].map(
      (row) => row.querySelector('td.numeric')?.textContent,
    )
    expect(counts).toEqual(['1', '4', '0'])
    // never who voted what: no member's name, no ballot's reason, no receipt
    expect(body).not.toContain('定标委员 ')
    expect(body).not.toContain('综合比较后选择')
    expect(body).not.toContain('定标委员会多数同意')
    expect(result.body).not.toContain('<script>alert')

    t.clock.advance(3 * DAY_MS)
    await driveTender(t, id, [{ type: 'END_PUBLICITY' }])
    expect(text(await visitor.get(`/public/tenders/${id}/award-notice`))).toContain('本阶段尚未公示')
    expect((await post(t, 'purchaser', `/api/v1/tenders/${id}/award-notice`)).status).toBe(201)
    const pending = await visitor.get(`/public/tenders/${id}/award-notice`)
    expect(text(pending)).toContain('签名记录正在生成')

    await drainRecordOutbox({ db: t.database.db, clock: t.clock, keys: t.keys })
    const notice = await visitor.get(`/public/tenders/${id}/award-notice`)
    expect(notice.status).toBe(200)
    expect(text(notice)).toContain('为本项目中标人')
    const pdf = notice.document.querySelector('a[href^="/records/"][href$="/pdf"]')?.getAttribute('href')
    expect(pdf).toMatch(/^\/records\/[^/]+\/pdf$/)
    const bytes = await t.http.get(`/api${pdf!.replace('/records/', '/v1/records/')}`)
    expect(bytes.status).toBe(200)
    expect(bytes.headers['content-type']).toBe('application/pdf')
    // the tender page lists the public records only: the opening record and the award notice
    const tenderPage = await visitor.get(`/public/tenders/${id}`)
    const records = [...tenderPage.document.querySelectorAll('a[href^="/records/"]')]
    expect(records.length).toBe(2)
    expect(text(tenderPage)).not.toContain('定标报告')
    expect(text(tenderPage)).not.toContain('评标报告')
  })

  it('shows the same public view to a signed-in bidder, in English too', async () => {
    const bidder = pageClient(t.app)
    await bidder.signIn('bidder1')
    const list = await bidder.get('/public?lang=en')
    expect(list.status).toBe(200)
    expect(list.document.querySelector('h1')?.textContent).toBe('Public notices')
    expect(list.document.querySelector('nav.main-nav a[href="/public"]')?.textContent).toBe('Notices')
  })
})
