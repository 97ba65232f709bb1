// Every page, read without a browser: <html lang> of its language, one h1, a skip link to main, the
// language switch, a label for every input, the CSRF token in every POST form; strict security headers
// on pages (not on /docs); HTML errors for pages, problem+json for the API; assets cached by hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/web/security-headers.ts'
import { castBallots, chairRound, checkInAll, formAndFreeze, reachAwarding } from '../award/support.ts'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let purchaser: PageClient
beforeAll(async () => {
  t = await startTestApp()
  purchaser = pageClient(t.app)
  await purchaser.signIn('purchaser')
})
afterAll(() => t.close())

function checkMarkup(page: PageAnswer, lang: string): void {
  const doc = page.document
  expect(doc.documentElement.getAttribute('lang')).toBe(lang)
  expect(doc.querySelectorAll('h1').length).toBe(1)
  expect(doc.querySelectorAll('main').length).toBe(1)
  expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main')
  expect(doc.querySelector('main')?.id).toBe('main')
  expect([...doc.querySelectorAll('.lang-switch a')].map((a) => a.getAttribute('hreflang'))).toEqual([
    'zh-CN',
    'en',
  ])
  for (const control of doc.querySelectorAll('input:not([type="hidden"]), select, textarea')) {
    const id = control.getAttribute('id')
    expect({
      control: control.outerHTML,
      labelled: id !== null && doc.querySelector(`label[for="${id}"]`) !== null,
    }).toMatchObject({ labelled: true })
    if (control.getAttribute('type') === 'radio')
      expect(control.closest('fieldset')?.querySelector('legend')).not.toBeNull()
  }
  for (const form of doc.querySelectorAll('form[method="post"]')) {
    expect(form.querySelector('input[type="hidden"][name="_csrf"]')?.getAttribute('value')).toMatch(
      /^[\w-]{43}$/,
    )
  }
  const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id)
  expect(ids.length).toBe(new Set(ids).size)
  for (const table of doc.querySelectorAll('table')) {
    expect(table.querySelector('caption')?.textContent).toBeTruthy()
    expect([...table.querySelectorAll('th')].every((th) => th.getAttribute('scope') !== null)).toBe(true)
  }
  expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  expect(page.headers['x-frame-options']).toBe('DENY')
  expect(page.headers['cache-control']).toBe('no-store')
  expect(doc.querySelectorAll('script:not([src]), [style]').length).toBe(0)
}

describe('page markup', () => {
  it('holds on every page in both languages', async () => {
    await t.http
      .post('/api/v1/tenders')
      .set('authorization', `Bearer ${await t.token('purchaser')}`)
      .send({
        reference: 'M-1',
        title: '标记检查',
        description: '',
        category: 'works',
        estimatedValueFen: '100',
      })
      .expect(201)
    for (const lang of ['zh-CN', 'en'] as const) {
      const anonymous = pageClient(t.app)
      checkMarkup(await anonymous.get(`/login?lang=${lang}`), lang)
      checkMarkup(await anonymous.post('/login', {}), lang)
      checkMarkup(await anonymous.get('/nowhere'), lang)
      await purchaser.get(`/?lang=${lang}`)
      for (const path of ['/', '/tenders', '/tenders?state=draft', '/tenders/new', '/nowhere']) {
        checkMarkup(await purchaser.get(path), lang)
      }
      await purchaser.get('/tenders/new')
      checkMarkup(await purchaser.post('/tenders/new', {}), lang)
    }
  })

  it('remembers a language chosen with ?lang= and otherwise follows Accept-Language', async () => {
    const client = pageClient(t.app)
    expect(
      (
        await client.get('/login', { 'accept-language': 'en-US,en;q=0.9' })
      ).document.documentElement.getAttribute('lang'),
    ).toBe('en')
    const switched = await client.get('/login?lang=zh-CN', { 'accept-language': 'en' })
    expect(String(switched.headers['set-cookie'])).toMatch(/lang=zh-CN; Max-Age=31536000/)
    expect(
      (await client.get('/login', { 'accept-language': 'en' })).document.documentElement.getAttribute('lang'),
    ).toBe('zh-CN')
    expect(
      (await client.get('/login?next=%2Ftenders%3Fstate%3Ddraft')).document
        .querySelector('.lang-switch a[hreflang="en"]')
        ?.getAttribute('href'),
    ).toBe('/login?next=%2Ftenders%3Fstate%3Ddraft&lang=en')
  })

  it('answers a page 404 in HTML and the API in problem+json; /docs keeps its own headers', async () => {
    const page = await purchaser.get('/no/such/page')
    expect(page.status).toBe(404)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.document.querySelector('.header-user strong')).not.toBeNull()
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing',
      headers: { accept: 'text/html' },
    })
    expect(api.statusCode).toBe(404)
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/)
    const plain = await t.app.inject({ method: 'GET', url: '/nothing' })
    expect(plain.headers['content-type']).toMatch(/^application\/problem\+json/)
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-security-policy']).toBeUndefined()
    expect(page.body).not.toMatch(/at .*\.ts:\d+/)
  })

  it('serves the assets from the app, cached for a year under their hash', async () => {
    const home = await purchaser.get('/')
    const css = home.document.querySelector('link[rel="stylesheet"]')?.getAttribute('href') as string
    expect(css).toMatch(/^\/assets\/site\.css\?v=[0-9a-f]{12}$/)
    const answer = await t.app.inject({ method: 'GET', url: css })
    expect(answer.statusCode).toBe(200)
    expect(answer.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const again = await t.app.inject({
      method: 'GET',
      url: css,
      headers: { 'if-none-match': answer.headers.etag as string },
    })
    expect(again.statusCode).toBe(304)
    const unversioned = await t.app.inject({ method: 'GET', url: '/assets/enhance.js' })
    expect(unversioned.headers['cache-control']).toBe('public, max-age=300')
    expect((await t.app.inject({ method: 'GET', url: '/assets/..%2Fhtml.ts' })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/favicon.ico' })).statusCode).toBe(301)
  })

  it('keeps the page routes out of the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, unknown>
    }
    expect(
      Object.keys(document.paths).filter(
        (path) => !path.startsWith('/api/') && !path.startsWith('/.well-known') && path !== '/health',
      ),
    ).toEqual([])
  })
})

// Last: reaching the award advances the test clock past the purchaser's session.
describe('award meeting page markup', () => {
  it('holds on the award meeting pages, from check-in to the round result, in both languages', async () => {
    const { tenderId, candidates } = await reachAwarding(t)
    const members = await formAndFreeze(t, tenderId)
    const meeting = `/meetings/${tenderId}`
    const clients = async (username: string) => {
      const client = pageClient(t.app)
      await client.signIn(username)
      return client
    }
    const [chair, member, supervisor] = [
      await clients(members[0]!),
      await clients(members[1]!),
      await clients('supervisor'),
    ]
    const walk = async (steps: (lang: 'zh-CN' | 'en') => Promise<void>) => {
      for (const lang of ['zh-CN', 'en'] as const) {
        for (const client of [chair, member, supervisor]) await client.get(`/?lang=${lang}`)
        await steps(lang)
      }
    }
    await walk(async (lang) => {
      checkMarkup(await member.get('/meetings'), lang)
      checkMarkup(await member.get(meeting), lang)
      checkMarkup(await member.post(`${meeting}/check-in`, {}), lang)
      checkMarkup(await member.post(`${meeting}/recuse`, {}), lang)
      checkMarkup(await supervisor.get('/meetings'), lang)
    })
    await checkInAll(t, tenderId, members)
    await chairRound(t, tenderId, members[0]!, 'open')
    const ballot = { candidateBidId: candidates[0]!, reason: '报价合理' }
    await walk(async (lang) => {
      checkMarkup(await member.get(meeting), lang)
      checkMarkup(await member.post(`${meeting}/ballot/confirm`, {}), lang)
      checkMarkup(await member.post(`${meeting}/ballot/confirm`, ballot), lang)
      checkMarkup(await chair.get(meeting), lang)
      checkMarkup(await supervisor.get(meeting), lang)
    })
    await member.get(meeting)
    expect((await member.post(`${meeting}/ballot`, ballot)).status).toBe(303)
    await castBallots(
      t,
      tenderId,
      members.slice(2),
      members.slice(2).map(() => candidates[0]!),
    )
    await castBallots(t, tenderId, [members[0]!], [candidates[0]!])
    await chairRound(t, tenderId, members[0]!, 'close')
    await walk(async (lang) => {
      checkMarkup(await member.get(`${meeting}/receipt`), lang)
      checkMarkup(await member.get(meeting), lang)
      checkMarkup(await chair.get(meeting), lang)
      checkMarkup(await chair.post(`${meeting}/decision`, {}), lang)
    })
  })
})
