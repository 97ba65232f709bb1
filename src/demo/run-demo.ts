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
import { DEMO_STOPS, type DemoStop, runDemoScenario } from './demo-scenario.ts'

export const DEMO_USAGE = `usage: youxuan demo [--until award]

  --until award   stop when the tender waits for its award meeting (定标会): candidates published,
                  publicity over, no committee drawn yet; then \`npm start\` and sign in as purchaser`

/** `demo [--until <stop>]`: the stop, or a usage error. */
export function parseDemoArgs(args: readonly string[]): { until?: DemoStop } | { error: string } {
  if (args.length === 0) return {}
  const [flag, value, ...extra] = args
  if (flag !== '--until' || extra.length > 0) return { error: DEMO_USAGE }
  const stop = DEMO_STOPS.find((s) => s === value)
  return stop ? { until: stop } : { error: `unknown stop "${value ?? ''}"\n${DEMO_USAGE}` }
}

export async function runDemo(config: Config, until?: DemoStop): Promise<number> {
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
    const outcome = await runDemoScenario(
      client,
      {
        advance: (ms) => {
          clock.advance(ms)
          client.forgetTokens()
        },
        now: () => clock.now(),
      },
      until,
    )
    if (!outcome.ok) return 1
    if (outcome.stoppedAt === 'award') {
      printAwardStop(outcome.tenderId)
      return 0
    }
    const recordDeps = { db: runtime.database.db, clock, keys: runtime.keys }
    const recordsOk = await writeDemoRecords(client, `http://127.0.0.1:${port}`, recordDeps, config.dataDir)
    return recordsOk ? 0 : 1
  } finally {
    await app.close()
    await runtime.close()
  }
}

function printAwardStop(tenderId: string): void {
  console.log(`
演示停在定标会之前 / the demo stopped before the award meeting: tender ${tenderId}
  npm start, then open http://localhost:3000/ and sign in as:
  - purchaser: draw the award committee, name the chair, freeze the dossiers
  - the drawn members (member1…member9, shown on the award page): check in and vote
  - supervisor: follow the meeting read-only`)
}
