// The tender pages act through the API's own functions: a draft made with the form is the API's
// TENDER_CREATED, attributed to the signed-in user; its refusals come back beside their fields (422).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const purchaser = DEMO_USERS.find((u) => u.username === 'purchaser')!
const FORM = {
  reference: 'NHSZ-2026-101',
  title: '<script>alert(1)</script> 桂澜路改造',
  description: '"><img src=x onerror=alert(1)>',
  category: 'works',
  estimatedValue: '38,000,000.00',
  ceilingPrice: '',
}

describe('tender pages', () => {
  it('create a draft with the form: one TENDER_CREATED by the signed-in user, then 303 to the list', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    await client.get('/tenders/new')
    const posted = await client.post('/tenders/new', FORM)
    expect(posted.status).toBe(303)
    const location = posted.headers.location as string
    const id = new URL(location, 'http://x').searchParams.get('created')!
    const events = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', `tender-${id}`)
      .execute()
    expect(events.map((e) => e.type)).toEqual(['TENDER_CREATED'])
    expect(events[0]!.meta).toMatchObject({
      userId: purchaser.id,
      orgId: purchaser.orgId,
      roles: ['purchaser'],
    })
    expect((events[0]!.data as { particulars: Record<string, unknown> }).particulars).toMatchObject({
      title: FORM.title,
      estimatedValueFen: '3800000000',
      ceilingPriceFen: null,
    })
    const api = await t.http
      .get(`/api/v1/tenders/${id}`)
      .set('authorization', `Bearer ${await t.token('purchaser')}`)
    expect(api.body).toMatchObject({ title: FORM.title, state: 'draft', estimatedValueFen: '3800000000' })

    const list = await client.get(location)
    expect(list.document.querySelector('.notice')?.textContent).toContain(FORM.title)
    const row = [...list.document.querySelectorAll('tbody tr')].find((tr) =>
      tr.textContent?.includes('NHSZ-2026-101'),
    )!
    expect(row.querySelector('td')?.textContent).toBe(FORM.title)
    expect(row.querySelector('.chip')?.textContent).toBe('草稿')
    expect(list.document.querySelectorAll('script:not([src]), img[onerror]').length).toBe(0)
  })

  it('re-render the form with 422 and an error summary linking to each field', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    await client.get('/tenders/new')
    const answer = await client.post('/tenders/new', {
      ...FORM,
      reference: '',
      title: '',
      category: '',
      estimatedValue: '12.345',
    })
    expect(answer.status).toBe(422)
    const links = [...answer.document.querySelectorAll('.error-summary a')].map((a) => [
      a.getAttribute('href'),
      a.textContent,
    ])
    expect(links).toEqual([
      ['#f-reference', '请填写项目编号'],
      ['#f-title', '请填写项目名称'],
      ['#f-category', '请选择项目类别'],
      ['#f-estimatedValue', '估算金额（元）须为金额，例如 1250000 或 1,250,000.00'],
    ])
    expect(answer.document.querySelector('title')?.textContent).toMatch(/^错误：/)
    expect(answer.document.querySelector('#f-estimatedValue')?.getAttribute('value')).toBe('12.345')
    expect(answer.document.querySelector('#f-estimatedValue')?.getAttribute('aria-describedby')).toContain(
      'f-estimatedValue-error',
    )
    const english = await client.post('/tenders/new?lang=en', { ...FORM, title: 'x'.repeat(201) })
    expect(english.status).toBe(422)
    expect(english.document.querySelector('.error-summary a')?.textContent).toBe(
      'Title must be 200 characters or fewer',
    )
  })

  it('answer a role the command refuses with the 403 page, recording nothing', async () => {
    const client = pageClient(t.app)
    await client.signIn('bidder1')
    await client.get('/tenders/new')
    const answer = await client.post('/tenders/new', FORM)
    expect(answer.status).toBe(403)
    expect(answer.document.querySelector('h1')?.textContent).toBe('无权办理')
  })

  it('filter the list by state, and show oversight every tender', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    const bidding = await client.get('/tenders?state=bidding')
    expect(bidding.document.querySelector('main')?.textContent).toContain('没有符合条件的招标项目。')
    expect(bidding.document.querySelector('table')).toBeNull()
    const drafts = await client.get('/tenders?state=draft')
    expect(drafts.document.querySelectorAll('tbody tr').length).toBeGreaterThan(0)
    expect(drafts.document.querySelector('#f-state option[selected]')?.getAttribute('value')).toBe('draft')
    const supervisor = pageClient(t.app)
    await supervisor.signIn('supervisor')
    const all = await supervisor.get('/tenders')
    expect(all.document.querySelector('h1')?.textContent).toBe('招标项目')
    expect(all.document.querySelector('a[href="/tenders/new"]')).toBeNull()
  })
})
