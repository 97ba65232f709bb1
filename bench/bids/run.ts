// One run on a fresh database: seed, publish, start the server, rush, close, open, verify, baseline, print.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { detectBidMode } from './bid-mode.ts'
import { runLoadProcess, runPgInsertProcess } from './children.ts'
import { awaitClose, closeFacts, openAll } from './close-open.ts'
import { startCpuSampler } from './cpu-sampler.ts'
import { createHttpClient, type HttpClient } from './http-client.ts'
import type { Parameters } from './main.ts'
import type { LoadPlan, LoadResult } from './plan.ts'
import { checkReceipts, type ReceiptTally } from './receipts-check.ts'
import { latencyLines, lateSummary, resultLine, windowFigures } from './report.ts'
import { type BenchBidder, prepareRunDatabase } from './run-database.ts'
import { startServer } from './server.ts'
import { type BenchTokens, mintTokens, publishTenders } from './tenders.ts'
import { type Verdict, verifyRun } from './verify.ts'

const started = Date.now()
const progress = (message: string) =>
  console.error(`[bench:bids +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`)

/** Margin between the end of the load window budget and the deadline. */
const GAP_MS = 3000
const HOUR_MS = 3_600_000

interface Scene {
  readonly url: string
  readonly handle: DatabaseHandle
  readonly bidders: BenchBidder[]
  readonly tokens: BenchTokens
  readonly tenderIds: string[]
  readonly warmupTenderId: string | null
  readonly deadline: number
  readonly kekBase64: string
}

async function setScene(url: string, p: Parameters): Promise<Scene> {
  progress(`migrating and seeding; ${p.bidders} bidder organisations`)
  const { handle, bidders } = await prepareRunDatabase(url, p.bidders)
  const tokens = await mintTokens(handle, bidders)
  const kekBase64 = randomBytes(32).toString('base64')
  const requests = Math.ceil(p.tenders * p.bidders * 1.1)
  // Publishing, starting the server and the load process, sealing every bid: then the window.
  const setupMs = 12_000 + p.tenders * 100 + requests * 3 + p.warmupBids * 10
  const deadline = Math.ceil((Date.now() + setupMs + p.windowMs + GAP_MS) / 1000) * 1000
  progress(`publishing ${p.tenders} tenders, deadline ${new Date(deadline).toISOString()}`)
  const kek = kekFromBase64(kekBase64)
  const tenderIds = await publishTenders(handle, kek, {
    count: p.tenders,
    deadline: new Date(deadline),
    label: 'BIDS',
  })
  const [warmupTenderId] =
    p.warmupBids > 0
      ? await publishTenders(handle, kek, {
          count: 1,
          deadline: new Date(deadline + HOUR_MS),
          label: 'WARMUP',
        })
      : []
  return {
    url,
    handle,
    bidders,
    tokens,
    tenderIds,
    warmupTenderId: warmupTenderId ?? null,
    deadline,
    kekBase64,
  }
}

function loadPlan(
  scene: Scene,
  p: Parameters,
  baseUrl: string,
  mode: LoadPlan['mode'],
  dir: string,
): LoadPlan {
  return {
    baseUrl,
    concurrency: p.concurrency,
    mode,
    startAt: scene.deadline - p.windowMs - GAP_MS,
    deadline: scene.deadline,
    replaceShare: 0.1,
    lateBids: p.lateBids,
    tenderIds: scene.tenderIds,
    warmupTenderId: scene.warmupTenderId,
    warmupBids: p.warmupBids,
    bidders: scene.bidders.map((b, i) => ({ orgId: b.orgId, uscc: b.uscc, token: scene.tokens.bidders[i]! })),
    resultFile: path.join(dir, 'load-result.json'),
  }
}

interface Outcome {
  readonly load: LoadResult
  readonly verdict: Verdict
  readonly receipts: ReceiptTally
  readonly details: string[]
  readonly modeNote: string[]
  /** CPU ms spent in the window by the server, PostgreSQL and the load process (null without /proc). */
  readonly cpu: { server: number; postgres: number; load: number } | null
}

async function closeOpenVerify(scene: Scene, p: Parameters, client: HttpClient, load: LoadResult) {
  progress('deadline passed; waiting for the timer to close every tender')
  const closing = await awaitClose(scene.handle, client, {
    tenderIds: scene.tenderIds,
    deadline: scene.deadline,
    graceMs: p.timerGraceMs,
    operatorToken: scene.tokens.operator,
  })
  const facts = await closeFacts(scene.handle, scene.tenderIds, scene.deadline)
  progress('opening')
  const openFailures = await openAll(client, scene.tenderIds, scene.tokens.purchaser)
  const verdict = await verifyRun(scene.handle, scene.tenderIds, load.records)
  const receipts = await checkReceipts(client, load.records, {
    tenderIds: scene.tenderIds,
    usccs: scene.bidders.map((b) => b.uscc),
    deadline: scene.deadline,
  })
  const details = [
    `closed_by_timer=${facts.byTimer}/${scene.tenderIds.length}`,
    `close_lag_ms_max=${facts.maxLagMs}`,
    ...(closing.closedByApi > 0 ? [`closed_by_api=${closing.closedByApi}`] : []),
    ...closing.closeFailures.map((f) => `close_failed=${f}`),
    ...openFailures.map((f) => `open_failed=${f}`),
  ]
  return { verdict, receipts, details }
}

async function rushAndVerify(scene: Scene, p: Parameters, dir: string): Promise<Outcome> {
  const server = await startServer({
    databaseUrl: scene.url,
    port: p.port,
    kekBase64: scene.kekBase64,
    dataDir: path.join(dir, 'data'),
    logFile: path.join(dir, 'server.log'),
  })
  const client = createHttpClient(server.baseUrl, 4)
  const sampler = startCpuSampler(server.pid, new URL(scene.url).pathname.slice(1))
  try {
    const mode = p.bidMode ?? (await detectBidMode(client))
    progress(`server up; bid mode ${mode}; the load process seals every bid and waits for the window`)
    const plan = loadPlan(scene, p, server.baseUrl, mode, dir)
    const load = await runLoadProcess(plan, path.join(dir, 'plan.json'), (pid) => sampler.setLoadPid(pid))
    const cpu = sampler.between(load.windowStart, load.windowEnd)
    const checked = await closeOpenVerify(scene, p, client, load)
    return { load, ...checked, modeNote: modeNote(mode, p.bidMode !== null), cpu }
  } finally {
    sampler.stop()
    client.close()
    await server.stop()
  }
}

const MODE_NOTES: Record<LoadPlan['mode'], string | null> = {
  jwe: null,
  bid: 'bids went as the convenience body {bid} (encrypted server-side), not sealed client-side',
  raw: 'bids went as plaintext bid content (the pre-sealing API), not sealed',
}

function modeNote(mode: LoadPlan['mode'], forced: boolean): string[] {
  const note = MODE_NOTES[mode]
  if (!note) return []
  return [`${note} (${forced ? 'BID_MODE' : "the server's OpenAPI document offers no {jwe} body yet"})`]
}

function detailLine(outcome: Outcome, statuses: string, serverLog: string | null): string {
  const { load, verdict, receipts } = outcome
  const late = lateSummary(load.records)
  return [
    `detail: mode=${load.mode}`,
    `statuses=${statuses}`,
    `replaced=${verdict.replaced}`,
    `late_refused=${late.refused}/${late.total}`,
    `receipts_valid=${receipts.valid}/${receipts.acked}`,
    `window_ms=${(load.windowEnd - load.windowStart).toFixed(0)}`,
    `prepare_ms=${load.prepareMs.toFixed(0)}`,
    `warmup=${load.warmupBids}bids/${load.warmupMs.toFixed(0)}ms`,
    `late_start_ms=${load.lateStartMs.toFixed(0)}`,
    `body_bytes=${load.bodyBytesAverage}`,
    ...cpuDetails(outcome),
    ...outcome.details,
    ...(serverLog ? [`server_log=${serverLog}`] : []),
  ].join(' ')
}

/** CPU microseconds per request in the window, per process group: where a bid's cost goes. */
function cpuDetails(outcome: Outcome): string[] {
  const { cpu, load } = outcome
  const requests = load.records.filter((r) => r.kind !== 'late').length
  if (!cpu || requests === 0) return []
  const perRequest = (ms: number) => ((ms * 1000) / requests).toFixed(0)
  return [
    `cpu_us_per_bid_server=${perRequest(cpu.server)}`,
    `cpu_us_per_bid_postgres=${perRequest(cpu.postgres)}`,
    `cpu_us_per_bid_load=${perRequest(cpu.load)}`,
  ]
}

function notesOf(outcome: Outcome): string[] {
  const late = lateSummary(outcome.load.records)
  const overran = outcome.load.records.filter((r) => r.kind !== 'late' && r.code === 'bidding_closed').length
  return [
    ...(overran > 0
      ? [`the window overran the deadline: ${overran} bids refused as closed; raise WINDOW_MS`]
      : []),
    ...outcome.modeNote,
    ...outcome.verdict.notes,
    ...(late.other.length > 0
      ? [`late bids not refused with 409 bidding_closed: ${late.other.join(', ')}`]
      : []),
    ...(outcome.load.warmupFailures > 0 ? [`${outcome.load.warmupFailures} warm-up bids failed`] : []),
    ...outcome.receipts.failures.slice(0, 5).map((f) => `receipt failed: ${f}`),
  ]
}

export async function runBenchmark(url: string, p: Parameters): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-bench-bids-'))
  const scene = await setScene(url, p)
  let outcome: Outcome
  try {
    outcome = await rushAndVerify(scene, p, dir)
  } finally {
    await scene.handle.close()
  }
  const { load, verdict } = outcome
  const figures = windowFigures(load.records, { start: load.windowStart, end: load.windowEnd })
  const latencyFile = process.env.LATENCY_FILE
  if (latencyFile) {
    fs.writeFileSync(latencyFile, `${latencyLines(load.records, load.windowStart)}\n`)
    progress(`every request's latency: ${latencyFile}`)
  }
  progress(`pg baseline: ${figures.requests} single-row INSERT transactions at C=${p.concurrency}`)
  const pgInsertPerSecond = await runPgInsertProcess({
    url,
    count: figures.requests,
    concurrency: p.concurrency,
    payloadBytes: load.bodyBytesAverage,
  })
  console.log(resultLine(figures, verdict, pgInsertPerSecond))
  const failed = verdict.lost > 0 || verdict.acceptedAfterDeadline > 0
  // Keep the server log of a failed run (or on request); otherwise a run leaves nothing behind.
  const keep = failed || process.env.KEEP_LOG === '1'
  // stdout carries the header and the result line, plus notes only when something needs saying.
  console.error(detailLine(outcome, figures.statuses, keep ? path.join(dir, 'server.log') : null))
  for (const note of notesOf(outcome)) console.log(`note: ${note}`)
  if (!keep) fs.rmSync(dir, { recursive: true, force: true })
  return failed ? 1 : 0
}
