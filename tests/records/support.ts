// Test helpers for signed records: the worker's deps for a test app, tenders that end quickly (a
// cancelled tender has its replay certificate) or run the whole demo story, and small HTTP steps.
import type { AddressInfo } from 'node:net'
import { DemoClient } from '../../src/demo/demo-client.ts'
import { runDemoScenario } from '../../src/demo/demo-scenario.ts'
import type { RecordDeps } from '../../src/records/record-worker.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import type { TestApp } from '../support/test-app.ts'

export const recordDeps = (t: TestApp): RecordDeps => ({ db: t.database.db, clock: t.clock, keys: t.keys })

export async function bearer(t: TestApp, username: string): Promise<string> {
  return `Bearer ${await t.token(username)}`
}

/** A published tender the purchaser cancels: its final state calls for a replay certificate. */
export async function cancelledTender(t: TestApp): Promise<string> {
  const tenderId = await createPublished(t)
  const res = await t.http
    .post(`/api/v1/tenders/${tenderId}/cancel`)
    .set('authorization', await bearer(t, 'purchaser'))
    .send({ reason: '项目资金安排调整' })
  if (res.status !== 200) throw new Error(`cancel: ${res.status} ${JSON.stringify(res.body)}`)
  return tenderId
}

/** The demo's whole story over real HTTP (real sealed bids, draws, ballots): returns the tender id. */
export async function completedDemoTender(t: TestApp): Promise<string> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' })
  const client = new DemoClient(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`)
  const original = console.log
  console.log = () => {}
  try {
    const outcome = await runDemoScenario(client, {
      advance: (ms) => {
        t.clock.advance(ms)
        client.forgetTokens()
      },
      now: () => t.clock.now(),
    })
    if (!outcome.ok) throw new Error('the demo scenario failed')
  } finally {
    console.log = original
  }
  const res = await t.http.get('/api/v1/tenders?state=completed')
  return (res.body.items as { id: string }[])[0]!.id
}

/** One changed character at `index` (kept inside the base64url alphabet for a JWS). */
export function changeChar(text: string, index: number): string {
  const c = text[index]!
  const replacement = c === 'A' ? 'B' : 'A'
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`
}

/** One byte of the PDF changed at `index`. */
export function changeByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes)
  copy[index] = copy[index]! ^ 0x01
  return copy
}
