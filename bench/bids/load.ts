// The load process of `npm run bench:bids` (its own process, like a bidders' client would be): reads the
// plan, seals every bid, waits for the window, fires, fires the late bids, writes what it saw.
import { createHttpClient } from './http-client.ts'
import { epochNow, fireLate, runWarmup, runWindow, sleepUntil } from './load-run.ts'
import { prepareTasks, prepareWarmup } from './load-tasks.ts'
import { type LoadPlan, type LoadResult, readJson, writeJson } from './plan.ts'

async function openConnections(plan: LoadPlan, request: ReturnType<typeof createHttpClient>['request']) {
  // A bidders' client is connected before the rush: open the keep-alive connections now.
  await Promise.all(Array.from({ length: plan.concurrency }, () => request('GET', '/health')))
}

async function main(planFile: string): Promise<void> {
  const plan = readJson<LoadPlan>(planFile)
  const client = createHttpClient(plan.baseUrl, plan.concurrency)
  const prepareStarted = epochNow()
  const tasks = await prepareTasks(client, plan)
  const warmupBodies = await prepareWarmup(client, plan)
  const prepareMs = epochNow() - prepareStarted
  await openConnections(plan, client.request)
  const warmupStarted = epochNow()
  const warmupFailures = await runWarmup(client, plan, warmupBodies)
  const warmupMs = epochNow() - warmupStarted
  await sleepUntil(plan.startAt)
  const windowStart = epochNow()
  const records = await runWindow(client, plan, tasks.bids)
  const windowEnd = epochNow()
  const late = await fireLate(client, plan, tasks.late)
  client.close()
  const bodies = tasks.bids.flatMap((task) =>
    task.replacement ? [task.first, task.replacement] : [task.first],
  )
  const result: LoadResult = {
    mode: plan.mode,
    prepareMs,
    warmupBids: plan.warmupBids,
    warmupMs,
    warmupFailures,
    lateStartMs: Math.max(0, windowStart - plan.startAt),
    windowStart,
    windowEnd,
    bodyBytesAverage: Math.round(bodies.reduce((sum, body) => sum + body.json.length, 0) / bodies.length),
    records: [...records, ...late],
  }
  writeJson(plan.resultFile, result)
}

const planFile = process.argv[2]
if (!planFile) {
  console.error('usage: load.ts <plan.json>')
  process.exit(2)
}
await main(planFile)
