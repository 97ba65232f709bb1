// A session is read again on every request: expired (two hours after sign-in) or revoked, the very next
// request is refused and sent to sign in; nothing it posts is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { revokeSessionsOfUser } from '../../src/sessions/session-repository.ts'
import { pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { eventCount } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const TENDER = {
  reference: 'S-1',
  title: '会话测试',
  description: '',
  category: 'works',
  estimatedValue: '100',
}

describe('a session that has ended', () => {
  it('is refused once two hours have passed, and what it posts is not recorded', async () => {
    const client = pageClient(t.app)
    await client.signIn('purchaser')
    await client.get('/tenders/new')
    t.clock.advance(2 * 3600 * 1000 - 1000)
    expect((await client.get('/')).status).toBe(200)
    t.clock.advance(1000)
    const before = await eventCount(t)
    const posted = await client.post('/tenders/new', TENDER)
    expect(posted.status).toBe(303)
    expect(posted.headers.location).toBe('/login?ended=1')
    expect(await eventCount(t)).toBe(before)
    expect((await client.get('/')).headers.location).toBe('/login')
  })

  it('is refused on the next request once revoked', async () => {
    const client = pageClient(t.app)
    await client.signIn('member1')
    expect((await client.get('/')).status).toBe(200)
    const member = DEMO_USERS.find((u) => u.username === 'member1')!
    expect(await revokeSessionsOfUser(t.database.db, member.id, t.clock.now())).toBe(1)
    const next = await client.get('/')
    expect(next.status).toBe(303)
    expect(next.headers.location).toBe('/login')
  })
})
