// `npm run demo -- --until award`: the demo stops with its tender waiting at the award meeting, no
// committee drawn, so that a user can run the meeting in the browser; bad arguments are a usage error.
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DemoClient } from '../../src/demo/demo-client.ts'
import { runDemoScenario } from '../../src/demo/demo-scenario.ts'
import { parseDemoArgs } from '../../src/demo/run-demo.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(() => t.close())

describe('demo --until award', () => {
  it('reads its arguments, and refuses anything else with the usage', () => {
    expect(parseDemoArgs([])).toEqual({})
    expect(parseDemoArgs(['--until', 'award'])).toEqual({ until: 'award' })
    for (const bad of [['--until'], ['--until', 'contract'], ['award'], ['--until', 'award', 'x']]) {
      expect(parseDemoArgs(bad)).toEqual({ error: expect.stringMatching(/usage: youxuan demo/) })
    }
  })

  it('leaves the tender in awarding with its candidates and no award committee', async () => {
    const client = new DemoClient(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`)
    const original = console.log
    console.log = () => {}
    let outcome: Awaited<ReturnType<typeof runDemoScenario>>
    try {
      outcome = await runDemoScenario(
        client,
        {
          advance: (ms) => {
            t.clock.advance(ms)
            client.forgetTokens()
          },
          now: () => t.clock.now(),
        },
        'award',
      )
    } finally {
      console.log = original
    }
    expect(outcome).toMatchObject({ ok: true, stoppedAt: 'award' })
    const tenderId = (outcome as { tenderId: string }).tenderId
    const tender = await t.http.get(`/api/v1/tenders/${tenderId}`)
    expect(tender.body).toMatchObject({ state: 'awarding', winnerBidId: null })
    expect(tender.body.candidates).toHaveLength(3)
    const award = await t.http
      .get(`/api/v1/tenders/${tenderId}/award`)
      .set('authorization', `Bearer ${await t.token('purchaser')}`)
    expect(award.status).toBe(200)
    expect(award.body.committee).toEqual({ chairId: null, members: [] })
  })
})
