// Sign-in is rate-limited per client address, and refused in production exactly as the API's dev login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { sessionRows } from './support.ts'

describe('the login rate limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ loginLimits: { attempts: 3, windowMs: 60_000 } })
  })
  afterAll(() => t.close())

  it('answers 429 past the limit, with no session, until the window has passed', async () => {
    const client = pageClient(t.app)
    await client.get('/login')
    for (let i = 0; i < 3; i++) expect((await client.post('/login', { username: 'nobody' })).status).toBe(422)
    const refused = await client.post('/login', { username: 'purchaser' })
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('60')
    expect(refused.document.querySelector('.error-summary')?.textContent).toContain('1 分钟后再试')
    expect(await sessionRows(t)).toEqual([])
    t.clock.advance(60_000)
    expect((await client.post('/login', { username: 'purchaser' })).status).toBe(303)
  })
})

describe('in production', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ devLogin: false })
  })
  afterAll(() => t.close())

  it('refuses the login page and its form as the dev login is refused', async () => {
    const client = pageClient(t.app)
    const page = await client.get('/login')
    expect(page.status).toBe(403)
    expect(page.document.querySelector('h1')?.textContent).toBe('无权办理')
    expect(page.document.querySelector('main p')?.textContent).toContain('未开放演示登录')
    const posted = await client.post('/login', { username: 'purchaser' }, { csrf: null })
    expect(posted.status).toBe(403)
    const api = await t.http.post('/api/v1/auth/dev-login').send({ username: 'purchaser' })
    expect(api.status).toBe(403)
    expect(await sessionRows(t)).toEqual([])
  })
})
