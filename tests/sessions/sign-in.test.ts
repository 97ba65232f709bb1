// Sign-in makes a server-side session: a random id in an httpOnly SameSite=Lax cookie (Secure and
// __Host- off localhost), only its hash in the table, about two hours; sign-out revokes it server-side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { sessionIdHash, sessionRows } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const purchaser = DEMO_USERS.find((u) => u.username === 'purchaser')!

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie holding a random id whose hash alone is stored', async () => {
    const client = pageClient(t.app)
    const answer = await client.signIn('purchaser')
    expect(answer.status).toBe(303)
    expect(answer.headers.location).toBe('/')
    const cookie = ([] as string[])
      .concat(answer.headers['set-cookie'] as string[])
      .find((c) => c.startsWith('yx_session='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Max-Age=7200/)
    expect(cookie).not.toMatch(/Secure/)
    const id = client.cookies.get('yx_session')!
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const rows = await sessionRows(t)
    const row = rows.find((r) => r.id_hash === sessionIdHash(id))!
    expect(row).toMatchObject({
      user_id: purchaser.id,
      org_id: purchaser.orgId,
      roles: ['purchaser'],
      revoked_at: null,
    })
    expect(rows.some((r) => r.id_hash === id)).toBe(false)
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(2 * 3600 * 1000)
  })

  it('marks the cookies Secure with the __Host- prefix off localhost', async () => {
    const client = pageClient(t.app, { host: 'youxuan.example' })
    const answer = await client.signIn('agent')
    expect(answer.status).toBe(303)
    const cookies = ([] as string[]).concat(answer.headers['set-cookie'] as string[])
    const session = cookies.find((c) => c.startsWith('__Host-yx_session='))!
    expect(session).toMatch(/; Secure/)
    expect(session).toMatch(/Path=\//)
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000')
    expect((await client.get('/')).status).toBe(200)
  })

  it('shows who is signed in, and sign-out ends the session on the server', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    const stolen = client.cookies.get('yx_session')!
    const home = await client.get('/')
    expect(home.document.querySelector('.header-user strong')?.textContent).toBe(purchaser.displayName)
    const out = await client.post('/logout', {})
    expect(out.status).toBe(303)
    expect(out.headers.location).toBe('/login?signedOut=1')
    expect(client.cookies.has('yx_session')).toBe(false)
    const row = (await sessionRows(t)).find((r) => r.id_hash === sessionIdHash(stolen))!
    expect(row.revoked_at).not.toBeNull()
    // The old cookie, replayed, no longer signs anyone in.
    const replay = pageClient(t.app)
    replay.cookies.set('yx_session', stolen)
    const refused = await replay.get('/tenders')
    expect(refused.status).toBe(303)
    expect(refused.headers.location).toBe('/login?next=%2Ftenders&ended=1')
    const login = await replay.get(refused.headers.location as string)
    expect(login.document.querySelector('.notice')?.textContent).toContain('已过期或已被注销')
  })

  it('refuses an unknown user with the form again (422), and sends a signed-in user on', async () => {
    const client = pageClient(t.app)
    await client.get('/login')
    const unknown = await client.post('/login', { username: 'nobody' })
    expect(unknown.status).toBe(422)
    expect(unknown.document.querySelector('.error-summary li')?.textContent).toBe(
      '没有名为“nobody”的演示用户',
    )
    const none = await client.post('/login', {})
    expect(none.status).toBe(422)
    const signedIn = await client.post('/login', { username: 'purchaser', next: '/tenders' })
    expect(signedIn.headers.location).toBe('/tenders')
    expect((await client.get('/login')).headers.location).toBe('/')
    const offSite = pageClient(t.app)
    await offSite.get('/login')
    expect(
      (await offSite.post('/login', { username: 'purchaser', next: '//evil.example/' })).headers.location,
    ).toBe('/')
  })

  it('does not sign the API in with the cookie, nor pages with a bearer token', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `yx_session=${client.cookies.get('yx_session')}` },
    })
    expect(api.statusCode).toBe(401)
    const bearer = await t.app.inject({
      method: 'GET',
      url: '/tenders',
      headers: { accept: 'text/html', authorization: `Bearer ${await t.token('purchaser')}` },
    })
    expect(bearer.statusCode).toBe(303)
    expect(bearer.headers.location).toBe('/login?next=%2Ftenders')
  })
})
