// Given the embedded default's sandbox clock, when the operator advances it past a tender's deadline,
// then CLOSE_BIDDING fires at the deadline and the answer names it; only the operator may advance,
// only forward, every advance is in the audit log, and the sandbox time survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { loadSandboxClock } from '../../src/sandbox/sandbox-clock.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ sandbox: true })
})
afterAll(() => t.close())

async function advance(username: string | null, body: Record<string, unknown>) {
  const req = t.http.post('/api/v1/sandbox/clock/advance')
  if (username) req.set('authorization', `Bearer ${await t.token(username)}`)
  return req.send(body)
}

const sandboxNow = async () => (await t.http.get('/api/v1/sandbox/clock')).body.now as string

describe('the sandbox clock', () => {
  it('fires CLOSE_BIDDING at the deadline when advanced past it, and says so', async () => {
    const tenderId = await createPublished(t)
    const deadline = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body.deadline as string
    const from = await sandboxNow()
    const res = await advance('operator', { by: 'P22D' })
    expect(res.status).toBe(200)
    expect(res.body.from).toBe(from)
    expect(res.body.now).toBe(new Date(Date.parse(from) + 22 * DAY_MS).toISOString())
    expect(res.body.fired).toContainEqual(
      expect.objectContaining({ tenderId, kind: 'close_bidding', dueAt: deadline, outcome: 'fired' }),
    )
    expect(await sandboxNow()).toBe(res.body.now)

    const history = await t.http
      .get(`/api/v1/tenders/${tenderId}/history`)
      .set('authorization', `Bearer ${await t.token('auditor')}`)
    const close = history.body.events.find((e: { type: string }) => e.type === 'CLOSE_BIDDING')
    expect(close.recordedAt).toBe(deadline)
    const tender = (await t.http.get(`/api/v1/tenders/${tenderId}`)).body
    expect(tender.allowedEvents).not.toContain('SUBMIT_BID')
    expect(tender.state).not.toBe('bidding')
  })

  it('moves to a given time, and refuses to go back or stand still (422)', async () => {
    const now = await sandboxNow()
    const later = new Date(Date.parse(now) + 3_600_000).toISOString()
    expect((await advance('operator', { to: later })).body.now).toBe(later)
    for (const body of [{ to: now }, { to: later }, { by: 'PT0S' }]) {
      const res = await advance('operator', body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(res.body).toMatchObject({ code: 'clock_backwards', now: later })
    }
    expect(await sandboxNow()).toBe(later)
  })

  it('refuses bad requests (400) and anyone but the operator (401, 403)', async () => {
    expect((await advance('operator', { by: 'P1M' })).status).toBe(400)
    expect((await advance('operator', {})).status).toBe(400)
    expect((await advance('operator', { by: 'P1D', to: '2030-01-01T00:00:00Z' })).status).toBe(400)
    expect((await advance(null, { by: 'P1D' })).status).toBe(401)
    for (const user of ['purchaser', 'bidder1', 'supervisor']) {
      expect((await advance(user, { by: 'P1D' })).status, user).toBe(403)
    }
  })

  it('records each advance in the audit log, and a restart keeps the sandbox time', async () => {
    const now = await sandboxNow()
    const entries = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sandbox_clock.advanced')
      .execute()
    expect(entries).toHaveLength(2)
    expect(entries[0]?.actor_user_id).toBeTruthy()
    const restarted = await loadSandboxClock(t.database.db, t.clock)
    expect(restarted.now().toISOString()).toBe(now)
  })
})

describe('where the sandbox clock is off', () => {
  it('is on only for the embedded default outside production', () => {
    expect(loadConfig({}).sandboxClock).toBe(true)
    expect(loadConfig({ NODE_ENV: 'production' }).sandboxClock).toBe(false)
    expect(loadConfig({ DATABASE_URL: 'postgres://db/youxuan' }).sandboxClock).toBe(false)
    expect(loadConfig({ YOUXUAN_SANDBOX_CLOCK: 'off' }).sandboxClock).toBe(false)
  })

  it('answers 404 sandbox_clock_off without it', async () => {
    const plain = await startTestApp()
    try {
      const res = await plain.http
        .post('/api/v1/sandbox/clock/advance')
        .set('authorization', `Bearer ${await plain.token('operator')}`)
        .send({ by: 'P1D' })
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('sandbox_clock_off')
      expect((await plain.http.get('/api/v1/sandbox/clock')).status).toBe(404)
    } finally {
      await plain.close()
    }
  })
})
