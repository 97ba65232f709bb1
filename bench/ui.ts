// `npm run bench:ui`: the tender overview page against the same tender's JSON, over real HTTP. The
// server runs in a child process (bench/ui/server.ts: the app on an embedded PGlite, or DATABASE_URL,
// with one tender of 50 bids and about 200 events and its signed records); this process is the load
// generator (bench/bids' lean keep-alive client, C connections). Each target is warmed up, then
// measured for BENCH_UI_SECONDS (default 10): requests/s, p50/p99 latency, the server's CPU time per
// request (its process.cpuUsage delta, asked over IPC, / requests) and the load generator's own.
// Goals: page rate ≥ 0.5 × JSON rate, page p99 < 50 ms at C=16.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHttpClient, type HttpClient } from './bids/http-client.ts'

const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 10)
const WARMUP_SECONDS = Number(process.env.BENCH_UI_WARMUP_SECONDS ?? 2)
const CONCURRENCY = Number(process.env.BENCH_UI_CONCURRENCY ?? 16)

interface Ready {
  readonly port: number
  readonly database: string
  readonly tenderId: string
  readonly events: number
  readonly records: number
  readonly cookie: string
  readonly token: string
}

interface Figures {
  readonly name: string
  readonly requests: number
  readonly errors: number
  readonly perSecond: number
  readonly p50: number
  readonly p99: number
  readonly serverCpuMs: number
  readonly loadCpuMs: number
  readonly bytes: number
}

const here = path.dirname(fileURLToPath(import.meta.url))
const server: ChildProcess = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_UI_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    '--import',
    'tsx',
    path.join(here, 'ui', 'server.ts'),
  ],
  {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  },
)
const nextMessage = <T>(key: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(key in message)) return
      server.off('message', onMessage)
      resolve(message as T)
    }
    server.on('message', onMessage)
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)))
  })

async function serverCpu(): Promise<number> {
  const reply = nextMessage<{ cpu: NodeJS.CpuUsage }>('cpu')
  server.send({ cmd: 'cpu' })
  const { cpu } = await reply
  return (cpu.user + cpu.system) / 1000
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN

async function drive(client: HttpClient, target: string, headers: Record<string, string>, ms: number) {
  const latencies: number[] = []
  let errors = 0
  let bytes = 0
  const until = performance.now() + ms
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now()
      const reply = await client.request('GET', target, { headers })
      latencies.push(performance.now() - started)
      if (reply.status !== 200) errors++
      bytes = typeof reply.body === 'string' ? reply.body.length : JSON.stringify(reply.body).length
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { latencies, errors, bytes }
}

async function measure(
  ready: Ready,
  name: string,
  target: string,
  headers: Record<string, string>,
): Promise<Figures> {
  const client = createHttpClient(`http://127.0.0.1:${ready.port}`, CONCURRENCY)
  await drive(client, target, headers, WARMUP_SECONDS * 1000)
  const cpuBefore = await serverCpu()
  const ownBefore = process.cpuUsage()
  const started = performance.now()
  const run = await drive(client, target, headers, SECONDS * 1000)
  const elapsed = (performance.now() - started) / 1000
  const own = process.cpuUsage(ownBefore)
  const cpuAfter = await serverCpu()
  client.close()
  const sorted = [...run.latencies].sort((a, b) => a - b)
  const requests = sorted.length
  return {
    name,
    requests,
    errors: run.errors,
    perSecond: requests / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    serverCpuMs: (cpuAfter - cpuBefore) / requests,
    loadCpuMs: (own.user + own.system) / 1000 / requests,
    bytes: run.bytes,
  }
}

function table(rows: readonly Figures[]): string {
  const head = [
    'target',
    'requests',
    'errors',
    'req/s',
    'p50 ms',
    'p99 ms',
    'server CPU ms/req',
    'loadgen CPU ms/req',
    'bytes',
  ]
  const body = rows.map((r) => [
    r.name,
    String(r.requests),
    String(r.errors),
    r.perSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    r.serverCpuMs.toFixed(3),
    r.loadCpuMs.toFixed(3),
    String(r.bytes),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ')
  return [line(head), ...body.map(line)].join('\n')
}

try {
  const ready = await nextMessage<Ready>('ready')
  console.log(
    `bench:ui — ${ready.database}, tender ${ready.tenderId}: ${ready.events} events, 50 bids, ${ready.records} records; ` +
      `C=${CONCURRENCY}, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s each; server in a child process, load generator in this one`,
  )
  const page = await measure(ready, 'page GET /tenders/:id', `/tenders/${ready.tenderId}`, {
    cookie: ready.cookie,
    accept: 'text/html',
  })
  const json = await measure(ready, 'JSON GET /api/v1/tenders/:id', `/api/v1/tenders/${ready.tenderId}`, {
    authorization: `Bearer ${ready.token}`,
  })
  console.log(table([page, json]))
  const ratio = page.perSecond / json.perSecond
  const rateOk = ratio >= 0.5
  const p99Ok = page.p99 < 50
  console.log(`goal page rate ≥ 0.5 × JSON rate: ${ratio.toFixed(2)} × — ${rateOk ? 'holds' : 'FAILS'}`)
  console.log(
    `goal page p99 < 50 ms at C=${CONCURRENCY}: ${page.p99.toFixed(1)} ms — ${p99Ok ? 'holds' : 'FAILS'}`,
  )
  if (page.errors || json.errors) console.log('some requests did not answer 200: the figures are not valid')
  process.exitCode = rateOk && p99Ok && !page.errors && !json.errors ? 0 : 1
} finally {
  server.send({ cmd: 'stop' })
  await new Promise((resolve) => server.once('exit', resolve))
}
