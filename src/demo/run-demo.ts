// `npm run demo`: runs the server in this process on a simulated clock (a tender takes weeks) and
// carries one Foshan works tender through every phase over the real HTTP API, then writes its signed
// records to ./data/demo-records/.
import type { AddressInfo } from 'node:net'
import { buildApp } from '../app.ts'
import type { Config } from '../config.ts'
import { describeKekSource } from '../keys/kek.ts'
import { openRuntime } from '../runtime.ts'
import { DAY_MS, manualClock } from '../shared/clock.ts'
import { DemoClient } from './demo-client.ts'
import { loadDemoCredit } from './demo-credit.ts'
import { writeDemoRecords } from './demo-records.ts'
import { runDemoScenario } from './demo-scenario.ts'

export async function runDemo(config: Config): Promise<number> {
  // Start 60 days in the past so that every event of the demo tender lies before the real now.
  const clock = manualClock(new Date(Date.now() - 60 * DAY_MS))
  const runtime = await openRuntime(config, clock)
  const app = await buildApp({
    db: runtime.database.db,
    dbKind: runtime.database.kind,
    clock,
    tokens: runtime.tokens,
    keys: runtime.keys,
    devLogin: true,
    bodyLimit: config.bodyLimit,
    logger: false,
    credit: config.credit,
  })
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    console.log(
      `演示服务器 / demo server: http://127.0.0.1:${port} (${runtime.database.kind}: ${runtime.database.location})`,
    )
    if (runtime.kekOrigin.source === 'file-created') console.log(describeKekSource(runtime.kekOrigin).message)
    console.log('模拟时钟 / simulated clock: the demo moves time forward between phases\n')
    await loadDemoCredit(runtime.database.db, clock.now())
    const client = new DemoClient(`http://127.0.0.1:${port}`)
    const ok = await runDemoScenario(client, {
      advance: (ms) => {
        clock.advance(ms)
        client.forgetTokens()
      },
      now: () => clock.now(),
    })
    if (!ok) return 1
    const recordDeps = { db: runtime.database.db, clock, keys: runtime.keys }
    const recordsOk = await writeDemoRecords(client, `http://127.0.0.1:${port}`, recordDeps, config.dataDir)
    return recordsOk ? 0 : 1
  } finally {
    await app.close()
    await runtime.close()
  }
}
