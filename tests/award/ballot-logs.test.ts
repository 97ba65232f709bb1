// Given an app logging everything (level trace), when award members cast ballots, send one malformed
// or with an unknown field, and everyone reads the meeting and the history, then no log line holds a
// ballot's reason.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tracingApp } from '../support/second-app.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { bearer, openMeeting, reachAwarding } from './support.ts'

const MARKER = `BALLOT-REASON-${randomBytes(8).toString('hex')}`

let t: TestApp
let logged: Awaited<ReturnType<typeof tracingApp>>

beforeAll(async () => {
  t = await startTestApp()
  logged = await tracingApp(t)
})
afterAll(async () => {
  await logged?.close()
  await t.close()
})

async function send(tenderId: string, username: string, body: string) {
  return logged.http
    .post(`/api/v1/tenders/${tenderId}/award/ballots`)
    .set('authorization', await bearer(t, username))
    .set('content-type', 'application/json')
    .send(body)
}

describe('logs at level trace around ballots', () => {
  it('never hold a ballot body', async () => {
    const tender = await reachAwarding(t)
    const members = await openMeeting(t, tender.tenderId)
    const ballot = { candidateBidId: tender.candidates[0], reason: `${MARKER} 报价合理` }
    expect((await send(tender.tenderId, members[0]!, JSON.stringify(ballot))).status).toBe(200)
    expect((await send(tender.tenderId, members[1]!, `{"reason": "${MARKER}"`)).status).toBe(400)
    const unknown = JSON.stringify({ ...ballot, note: MARKER })
    expect((await send(tender.tenderId, members[1]!, unknown)).status).toBe(400)
    for (const path of ['award', 'history', 'replay']) {
      const res = await logged.http
        .get(`/api/v1/tenders/${tender.tenderId}/${path}`)
        .set('authorization', await bearer(t, 'auditor'))
      expect(res.status).toBe(200)
    }
    const text = logged.lines.join('')
    expect(text).toMatch(/award\/ballots/)
    expect(text).toMatch(/"statusCode":400/)
    expect(text).not.toContain(MARKER)
  })
})
