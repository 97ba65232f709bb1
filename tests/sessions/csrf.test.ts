// Every state-changing page request carries the form's CSRF token and comes from this site: without the
// token, with another browser's, or from a foreign origin it is a 403 page and nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { eventCount, sessionRows } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const TENDER = {
  reference: 'C-1',
  title: '跨站测试',
  description: '',
  category: 'goods',
  estimatedValue: '1000',
}

describe('CSRF', () => {
  it('refuses a sign-in without a token or with a wrong one, and makes no session', async () => {
    const client = pageClient(t.app)
    await client.get('/login')
    const missing = await client.post('/login', { username: 'purchaser' }, { csrf: null })
    expect(missing.status).toBe(403)
    expect(missing.document.querySelector('h1')?.textContent).toBe('提交未被受理')
    const other = pageClient(t.app)
    await other.get('/login')
    expect((await client.post('/login', { username: 'purchaser' }, { csrf: other.lastToken() })).status).toBe(
      403,
    )
    expect((await client.post('/login', { username: 'purchaser' }, { csrf: 'x'.repeat(43) })).status).toBe(
      403,
    )
    expect(await sessionRows(t)).toEqual([])
  })

  it('refuses a command page without the token, and records no event', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    await client.get('/tenders/new')
    const before = await eventCount(t)
    expect((await client.post('/tenders/new', TENDER, { csrf: null })).status).toBe(403)
    const stranger = pageClient(t.app)
    await stranger.signIn('agent')
    await stranger.get('/tenders/new')
    expect((await client.post('/tenders/new', TENDER, { csrf: stranger.lastToken() })).status).toBe(403)
    expect(await eventCount(t)).toBe(before)
    // The same request with its own token goes through.
    await client.get('/tenders/new')
    expect((await client.post('/tenders/new', TENDER)).status).toBe(303)
    expect(await eventCount(t)).toBe(before + 1)
  })

  it('refuses a foreign Origin or Sec-Fetch-Site even with a good token', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    await client.get('/tenders/new')
    const before = await eventCount(t)
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ]) {
      expect((await client.post('/tenders/new', TENDER, { headers })).status).toBe(403)
    }
    expect(await eventCount(t)).toBe(before)
    const sameOrigin = await client.post('/tenders/new', TENDER, {
      headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    })
    expect(sameOrigin.status).toBe(303)
  })

  it('keeps a session alive when sign-out comes without its token', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    expect((await client.post('/logout', {}, { csrf: null })).status).toBe(403)
    expect((await client.get('/')).status).toBe(200)
  })
})
