// The whole lifecycle over real HTTP: the demo's story (create → publish → Q&A → five bids and a
// replacement → close → open → expert draw, scores, report → publicity → award committee, dossiers,
// secret ballots, decision → result publicity → notice → contract), then the auditor's replay.
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DemoClient } from '../../src/demo/demo-client.ts'
import { loadDemoCredit } from '../../src/demo/demo-credit.ts'
import { runDemoScenario } from '../../src/demo/demo-scenario.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let baseUrl: string
beforeAll(async () => {
  t = await startTestApp()
  // The demo's credit register: bidder6 under a bidding ban, bidder5 with a penalty.
  await loadDemoCredit(t.database.db, t.clock.now())
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
})
afterAll(() => t.close())

describe('one tender from draft to contract over HTTP', () => {
  it('completes, and its history replays to the same state with every draw reproduced', async () => {
    const client = new DemoClient(baseUrl)
    const log: string[] = []
    const original = console.log
    console.log = (...args: unknown[]) => log.push(args.join(' '))
    try {
      const outcome = await runDemoScenario(client, {
        advance: (ms) => {
          t.clock.advance(ms)
          client.forgetTokens()
        },
        now: () => t.clock.now(),
      })
      expect(outcome.ok).toBe(true)
    } finally {
      console.log = original
    }
    expect(log.join('\n')).toMatch(/demo complete/)
    // the banned bidder was refused at submission, on the credit policy of the tender's rule pack
    expect(log.join('\n')).toMatch(/bidder6 → 422 credit_refused/)
    const [tender] = (await t.http.get('/api/v1/tenders?state=completed')).body.items
    expect(tender).toMatchObject({
      state: 'completed',
      contractDueAt: expect.any(String),
      winnerBidId: expect.any(String),
    })
    const history = await t.http
      .get(`/api/v1/tenders/${tender.id}/history`)
      .set('authorization', `Bearer ${await t.token('auditor')}`)
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        'PUBLISH',
        'CLOSE_BIDDING',
        'OPEN',
        'DRAW_EXPERTS',
        'SUBMIT_REPORT',
        'FORM_AWARD_COMMITTEE',
        'DECIDE',
        'ISSUE_AWARD_NOTICE',
        'CONTRACT_SIGNED',
      ]),
    )
  })
})
