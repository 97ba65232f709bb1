// The chair's console after a tied round: the one button the machine allows is 重新投票, pressing it is
// the API's START_REVOTE by the chair, and round 2's ballot offers only the tied candidates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type AwardingTender, openMeeting, reachAwarding, userId, voteRound } from './support.ts'

let t: TestApp
let tender: AwardingTender
let members: string[]
beforeAll(async () => {
  t = await startTestApp()
  tender = await reachAwarding(t)
  members = await openMeeting(t, tender.tenderId)
})
afterAll(() => t.close())

describe('the console after a tie', () => {
  it('offers 重新投票, records START_REVOTE by the chair, then 开启第2轮 among the tied', async () => {
    const [a, b, c] = tender.candidates as [string, string, string]
    await voteRound(t, tender.tenderId, members, [a, a, b, b, c])
    const meeting = `/meetings/${tender.tenderId}`
    const chair = pageClient(t.app)
    await chair.signIn(members[0]!)
    const page = await chair.get(meeting)
    const buttons = () =>
      [...page.document.querySelectorAll('#console form[method="post"] button')].map((b) => b.textContent)
    expect(buttons()).toEqual(['重新投票'])
    expect(page.document.querySelector('#result-1')?.closest('section')?.textContent).toMatch(
      /2[\s\S]*2[\s\S]*1/,
    )
    expect(page.document.querySelector('form[action$="/decision"]')).toBeNull()
    expect((await chair.post(`${meeting}/revote`, {})).status).toBe(303)
    const event = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', `tender-${tender.tenderId}`)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    expect(event.type).toBe('START_REVOTE')
    expect(event.meta).toMatchObject({ userId: userId(members[0]!) })
    const next = await chair.get(meeting)
    expect(
      [...next.document.querySelectorAll('#console form[method="post"] button')].map((b) => b.textContent),
    ).toEqual(['开启第2轮'])
    expect((await chair.post(`${meeting}/rounds/2/open`, {})).status).toBe(303)
    const ballot = await chair.get(meeting)
    const radios = [
      ...ballot.document.querySelectorAll('form[action$="/ballot/confirm"] input[type="radio"]'),
    ]
    expect(radios.map((r) => r.getAttribute('value'))).toEqual([a, b])
  })
})
