// The award setup page (定标准备) acts through the API's own commands: the committee's draw (its proof on
// the page equal to the API's), the dossiers' freeze (the hash the API reads), and after the decision the
// award report's link and the award notice; each event by the signed-in purchaser. Refusals come back
// beside their fields; a wrong role or a missing CSRF token records nothing.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { recordDeps } from '../records/support.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  type AwardingTender,
  checkInAll,
  get,
  lastTenderEvent,
  post,
  reachAwarding,
  userId,
  usernameOf,
  voteRound,
} from './support.ts'

let t: TestApp
let tender: AwardingTender
let purchaser: PageClient
const setup = () => `/tenders/${tender.tenderId}/award`

beforeAll(async () => {
  t = await startTestApp()
  tender = await reachAwarding(t)
  purchaser = await signedIn('purchaser')
})
afterAll(() => t.close())

async function signedIn(username: string): Promise<PageClient> {
  const client = pageClient(t.app)
  await client.signIn(username)
  return client
}

async function eventCount(): Promise<number> {
  const rows = await t.database.db
    .selectFrom('events')
    .select('seq')
    .where('stream_id', '=', `tender-${tender.tenderId}`)
    .execute()
  return rows.length
}

function basics(page: PageAnswer, status = 200) {
  expect(page.status).toBe(status)
  const doc = page.document
  expect(doc.querySelectorAll('h1').length).toBe(1)
  for (const form of doc.querySelectorAll('form[method="post"]'))
    expect(form.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBeTruthy()
  for (const control of doc.querySelectorAll('input:not([type="hidden"]), textarea')) {
    const id = control.getAttribute('id')
    expect(id && doc.querySelector(`label[for="${id}"]`)).toBeTruthy()
  }
  for (const table of doc.querySelectorAll('table')) {
    expect(table.querySelector('caption')?.textContent).toBeTruthy()
    expect([...table.querySelectorAll('th')].every((th) => th.getAttribute('scope') !== null)).toBe(true)
  }
  for (const radio of doc.querySelectorAll('input[type="radio"]'))
    expect(radio.closest('fieldset')?.querySelector('legend')).not.toBeNull()
  expect(doc.querySelectorAll('script:not([src]), [style]').length).toBe(0)
  const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id)
  expect(ids.length).toBe(new Set(ids).size)
}

const text = (page: PageAnswer) => page.document.querySelector('main')?.textContent ?? ''
const fieldError = (page: PageAnswer, name: string) =>
  page.document.querySelector(`#f-${name}-error`)?.textContent ?? ''
const summaryLinks = (page: PageAnswer) =>
  [...page.document.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'))
const codeText = (page: PageAnswer, id: string) => page.document.querySelector(`#${id}`)?.textContent

describe('award setup page', () => {
  it('offers the purchaser the draw over the pool it would draw from, with size and chair', async () => {
    const page = await purchaser.get(setup())
    basics(page)
    expect(page.document.querySelector('h1')?.textContent).toContain('定标准备')
    const form = page.document.querySelector(`form[action="${setup()}/committee"]`)!
    expect(form.querySelector('#f-size')).not.toBeNull()
    expect(form.querySelector('#f-size-hint')?.textContent).toContain('不少于 5 人且为单数')
    expect(form.querySelector('fieldset legend')?.textContent).toContain('组长')
    expect(form.querySelector('input[name="chairId"][value=""]')?.hasAttribute('checked')).toBe(true)
    expect(text(page)).toContain('可抽取的定标委员库，共 9 人')
    expect(page.document.querySelector(`form[action="${setup()}/dossiers/freeze"]`)).toBeNull()
  })

  it('refuses to freeze before the committee exists, beside the form, recording nothing', async () => {
    const before = await eventCount()
    const page = await purchaser.post(`${setup()}/dossiers/freeze`, {})
    basics(page, 422)
    expect(page.document.querySelector('.error-summary')?.textContent).toContain('请先组建定标委员会')
    expect(await eventCount()).toBe(before)
  })

  it('refuses a bad size or a chair off the committee beside its field', async () => {
    const before = await eventCount()
    const typed = await purchaser.post(`${setup()}/committee`, { size: 'five', chairId: '' })
    basics(typed, 422)
    expect(fieldError(typed, 'size')).toContain('委员人数')
    expect(summaryLinks(typed)).toContain('#f-size')
    expect(typed.document.querySelector('#f-size')?.getAttribute('value')).toBe('five')
    const even = await purchaser.post(`${setup()}/committee`, { size: '6', chairId: '' })
    basics(even, 422)
    expect(fieldError(even, 'size')).toContain('须至少 5 人且为单数')
    const stranger = `usr_${'0'.repeat(32)}`
    const chair = await purchaser.post(`${setup()}/committee`, { size: '', chairId: stranger })
    basics(chair, 422)
    expect(fieldError(chair, 'chairId')).toContain('组长须为抽取的定标委员之一')
    expect(await eventCount()).toBe(before)
  })

  it('answers 403 to a wrong role and to a missing CSRF token, recording nothing', async () => {
    const before = await eventCount()
    const bidder = await signedIn('bidder1')
    expect((await bidder.get(setup())).status).toBe(403)
    const member = await signedIn('member1')
    await member.get('/')
    expect((await member.post(`${setup()}/committee`, { size: '' })).status).toBe(403)
    await purchaser.get(setup())
    expect((await purchaser.post(`${setup()}/committee`, { size: '' }, { csrf: null })).status).toBe(403)
    expect(await eventCount()).toBe(before)
  })

  it('draws the committee as the signed-in purchaser and shows the proof the API gives', async () => {
    await purchaser.get(setup())
    const done = await purchaser.post(`${setup()}/committee`, { size: '', chairId: '' })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(setup())
    const event = await lastTenderEvent(t, tender.tenderId)
    expect(event.type).toBe('FORM_AWARD_COMMITTEE')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })

    const api = (await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award`)).body
    const { draw, committee } = api
    expect(draw.pool.length).toBe(9)
    const page = await purchaser.get(setup())
    basics(page)
    expect(codeText(page, 'draw-commitment')).toBe(draw.secretCommitment)
    expect(codeText(page, 'draw-seed')).toBe(draw.seed)
    expect(codeText(page, 'draw-secret')).toBe(draw.secret)
    expect(createHash('sha256').update(draw.secret).digest('hex')).toBe(draw.secretCommitment)
    const main = text(page)
    for (const id of draw.pool) expect(main).toContain(id)
    expect(main).toContain('抽取时的委员库，共 9 人')
    expect(page.document.querySelectorAll('td').length).toBeGreaterThan(0)
    expect(main.match(/✓ 抽中/g)?.length).toBe(5)
    for (const member of committee.members) expect(main).toContain(member.displayName)
    const chair = committee.members.find((m: { chair: boolean }) => m.chair)
    expect(chair.userId).toBe(committee.chairId)
    expect(main).toContain('监督人员可全程查看定标会')
    expect(main).toContain('复核方法')
    expect(page.document.querySelector(`form[action="${setup()}/committee"]`)).toBeNull()
    expect(page.document.querySelector(`form[action="${setup()}/dossiers/freeze"]`)).not.toBeNull()
    expect(page.document.querySelector(`a[href="/meetings/${tender.tenderId}"]`)).not.toBeNull()
    expect(main).toContain('已签到 0 人，回避 0 人，未签到 5 人')
  })

  it('freezes the dossiers and shows the hash the API reads, in full', async () => {
    const done = await purchaser.post(`${setup()}/dossiers/freeze`, {})
    expect(done.status).toBe(303)
    const event = await lastTenderEvent(t, tender.tenderId)
    expect(event.type).toBe('FREEZE_DOSSIERS')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const api = await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award/dossiers`)
    const page = await purchaser.get(setup())
    basics(page)
    expect(page.document.querySelector('code.hash')?.textContent).toBeTruthy()
    const hashes = [...page.document.querySelectorAll('#dossier-title ~ dl code.hash')].map(
      (c) => c.textContent,
    )
    expect(hashes).toEqual([api.body.dossierHash])
    expect(page.document.querySelectorAll('#dossier-title ~ table tbody tr').length).toBe(3)
    expect(page.document.querySelector(`form[action="${setup()}/dossiers/freeze"]`)).toBeNull()
  })

  it('shows a supervisor the same setup read-only, without forms', async () => {
    const supervisor = await signedIn('supervisor')
    const page = await supervisor.get(setup())
    basics(page)
    expect(text(page)).toContain('不能办理其中的事项')
    expect(
      page.document.querySelectorAll('form[method="post"]:not(.sign-out form)').length,
    ).toBeLessThanOrEqual(1)
    expect(page.document.querySelector(`form[action^="${setup()}"]`)).toBeNull()
  })

  it('after the decision: the award report link, then the award notice by the purchaser', async () => {
    const view = (await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award`)).body
    const members = view.committee.members.map((m: { userId: string }) => usernameOf(m.userId))
    await checkInAll(t, tender.tenderId, members)
    const winner = tender.candidates[1]!
    await voteRound(
      t,
      tender.tenderId,
      members,
      members.map(() => winner),
    )
    const decided = await post(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/award/decision`, {
      winnerBidId: winner,
      reasons: '定标委员会一致同意',
    })
    expect(decided.status).toBe(200)

    const pending = await purchaser.get(setup())
    basics(pending)
    expect(text(pending)).toContain('定标报告正在生成并签名')
    await drainRecordOutbox(recordDeps(t))
    const records = await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/records`)
    const report = records.body.items.find((r: { type: string }) => r.type === 'award_report')
    const page = await purchaser.get(setup())
    basics(page)
    const main = text(page)
    expect(main).toContain('定标结果')
    expect(main).toContain('定标委员会一致同意')
    expect(main).toContain('票决法')
    expect(main).toContain('¥36,500,000.00')
    const link = page.document.querySelector('a.report-link')
    expect(link?.getAttribute('href')).toBe(`/records/${report.recordId}/pdf`)
    const pdf = await get(t, 'purchaser', `/api/v1/records/${report.recordId}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(page.document.querySelector(`form[action="/tenders/${tender.tenderId}/publicity/end"]`)).toBeNull()

    const chair = await signedIn(members[0]!)
    const meeting = await chair.get(`/meetings/${tender.tenderId}`)
    expect(meeting.document.querySelector('#console a.report-link')?.getAttribute('href')).toBe(
      `/records/${report.recordId}/pdf`,
    )
    const followed = await purchaser.get(`/meetings/${tender.tenderId}`)
    expect(followed.document.querySelector(`#console a[href="${setup()}"]`)).not.toBeNull()
    expect(followed.document.querySelector('#console a.report-link')).not.toBeNull()

    t.clock.advance(3 * DAY_MS)
    purchaser = await signedIn('purchaser') // the session lasts two hours; the publicity three days
    const over = await purchaser.get(setup())
    basics(over)
    expect(
      over.document.querySelector(`form[action="/tenders/${tender.tenderId}/publicity/end"]`),
    ).not.toBeNull()
    expect(over.document.querySelector(`form[action="/tenders/${tender.tenderId}/award-notice"]`)).toBeNull()
    const operator = await (await signedIn('operator')).get(setup())
    basics(operator)
    expect(
      operator.document.querySelector(`form[action="/tenders/${tender.tenderId}/publicity/end"]`),
    ).not.toBeNull()
    expect(operator.document.querySelectorAll(`main form[method="post"]`).length).toBe(1)
    const ended = await post(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/publicity/end`)
    expect(ended.status).toBe(200)

    const awarded = await purchaser.get(setup())
    basics(awarded)
    const notice = `/tenders/${tender.tenderId}/award-notice`
    expect(awarded.document.querySelector(`form[action="${notice}"]`)).not.toBeNull()
    expect(
      awarded.document.querySelector(`form[action="/tenders/${tender.tenderId}/winner-declined"]`),
    ).not.toBeNull()
    expect(awarded.document.querySelector(`form[action="/tenders/${tender.tenderId}/contract"]`)).toBeNull()
    const issued = await purchaser.post(notice, {})
    expect(issued.status).toBe(303)
    const event = await lastTenderEvent(t, tender.tenderId)
    expect(event.type).toBe('ISSUE_AWARD_NOTICE')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const after = await purchaser.get(setup())
    expect(text(after)).toContain('合同签订期限')
    expect(after.document.querySelector(`form[action="${notice}"]`)).toBeNull()
  })

  it('refuses a decline without a reason and a contract without its reference, beside the field', async () => {
    const before = await eventCount()
    const decline = await purchaser.post(`/tenders/${tender.tenderId}/winner-declined`, { reason: ' ' })
    basics(decline, 422)
    expect(fieldError(decline, 'reason')).toContain('放弃原因')
    const contract = await purchaser.post(`/tenders/${tender.tenderId}/contract`, { contractRef: '' })
    basics(contract, 422)
    expect(summaryLinks(contract)).toContain('#f-contractRef')
    expect(await eventCount()).toBe(before)
    const signed = await purchaser.post(`/tenders/${tender.tenderId}/contract`, { contractRef: 'HT-2026-01' })
    expect(signed.status).toBe(303)
    const page = await purchaser.get(`${setup()}?lang=en`)
    basics(page)
    expect(page.document.querySelector('h1')?.textContent).toContain('Award setup')
    expect(text(page)).toContain('HT-2026-01')
    expect((await lastTenderEvent(t, tender.tenderId)).meta).toMatchObject({ userId: userId('purchaser') })
  })
})

describe('award setup page, another tender', () => {
  it('refuses an agency of another organisation; a winner who declines sends the award back', async () => {
    const other = await reachAwarding(t)
    const page = `/tenders/${other.tenderId}/award`
    // The demo agent works for an agency, not for this tender's purchaser: not theirs to set up.
    expect((await (await signedIn('agent')).get(page)).status).toBe(403)
    const owner = await signedIn('purchaser')
    for (const lang of ['en', 'zh-CN'] as const) {
      const shown = await owner.get(`${page}?lang=${lang}`)
      basics(shown)
      expect(shown.document.documentElement.getAttribute('lang')).toBe(lang)
    }
    expect((await owner.post(`${page}/committee`, { size: '5', chairId: '' })).status).toBe(303)
    expect((await lastTenderEvent(t, other.tenderId)).meta).toMatchObject({ userId: userId('purchaser') })
    await owner.get(page)
    expect((await owner.post(`${page}/dossiers/freeze`, {})).status).toBe(303)
    const again = await owner.post(`${page}/dossiers/freeze`, {})
    basics(again, 422)
    expect(again.document.querySelector('.error-summary')?.textContent).toContain('定标资料已经封存')

    const view = (await get(t, 'purchaser', `/api/v1/tenders/${other.tenderId}/award`)).body
    const members = view.committee.members.map((m: { userId: string }) => usernameOf(m.userId))
    await checkInAll(t, other.tenderId, members)
    const winner = other.candidates[0]!
    await voteRound(
      t,
      other.tenderId,
      members,
      members.map(() => winner),
    )
    const reasons = { winnerBidId: winner, reasons: '得票过半' }
    expect(
      (await post(t, 'purchaser', `/api/v1/tenders/${other.tenderId}/award/decision`, reasons)).status,
    ).toBe(200)
    t.clock.advance(3 * DAY_MS)
    expect((await post(t, 'purchaser', `/api/v1/tenders/${other.tenderId}/publicity/end`)).status).toBe(200)

    const purchaserAgain = await signedIn('purchaser')
    await purchaserAgain.get(page)
    const declined = await purchaserAgain.post(`/tenders/${other.tenderId}/winner-declined`, {
      reason: '中标人书面放弃中标',
    })
    expect(declined.status).toBe(303)
    const event = await lastTenderEvent(t, other.tenderId)
    expect(event.type).toBe('WINNER_DECLINED')
    expect(event.meta).toMatchObject({ userId: userId('purchaser') })
    const back = await purchaserAgain.get(page)
    basics(back)
    expect(back.document.querySelector('a.report-link')).toBeNull()
    expect(back.document.querySelector(`form[action="/tenders/${other.tenderId}/award-notice"]`)).toBeNull()
  })
})
