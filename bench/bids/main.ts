// `npm run bench:bids`: the deadline rush (issue 3 item 9). T tenders closing at one instant, B bidders
// each submitting a sealed bid (10% replacing) over real HTTP from a load process, against the server run
// as `npm start` runs it on a fresh PostgreSQL database; then close (the durable timer), open, verify,
// and the raw `pg` INSERT rate at the same concurrency. Env: DATABASE_URL (admin), TENDERS, BIDDERS,
// CONCURRENCY; optional BENCH_PORT, LATE_BIDS, WARMUP, WINDOW_MS, TIMER_GRACE_MS, BID_MODE, KEEP_LOG=1,
// LATENCY_FILE (every request's send time and latency, one JSON line each). Exit 1 if a bid was lost or
// accepted after the deadline.
import type { BidMode } from './plan.ts'
import { headerLine } from './report.ts'
import { runBenchmark } from './run.ts'
import { createRunDatabase } from './run-database.ts'

export interface Parameters {
  readonly adminUrl: string
  readonly tenders: number
  readonly bidders: number
  readonly concurrency: number
  readonly port: number
  readonly lateBids: number
  /** Bids on a separate warm-up tender before the window (0: a cold server). */
  readonly warmupBids: number
  /** How long the load may take: the window starts this long (plus a gap) before the deadline. */
  readonly windowMs: number
  readonly timerGraceMs: number
  /** Forces a bid body (jwe or bid) instead of the one the OpenAPI document recommends. */
  readonly bidMode: BidMode | null
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, got "${raw}"`)
  return value
}

function bidModeOverride(raw: string | undefined): BidMode | null {
  if (raw === undefined || raw === '') return null
  if (raw === 'jwe' || raw === 'bid' || raw === 'raw') return raw
  throw new Error(`BID_MODE must be jwe, bid or raw, got "${raw}"`)
}

function readParameters(): Parameters {
  const adminUrl = process.env.DATABASE_URL?.trim()
  if (!adminUrl)
    throw new Error(
      'DATABASE_URL (an admin URL, e.g. postgres://postgres@127.0.0.1:5432/postgres) is required',
    )
  const tenders = positive('TENDERS', 20)
  const bidders = positive('BIDDERS', 50)
  const requests = Math.ceil(tenders * bidders * 1.1)
  return {
    adminUrl,
    tenders,
    bidders,
    concurrency: positive('CONCURRENCY', 64),
    port: positive('BENCH_PORT', 3931),
    lateBids: positive('LATE_BIDS', Math.max(4, tenders)),
    warmupBids: process.env.WARMUP === '0' ? 0 : positive('WARMUP', 200),
    // Room for at least 200 bids/s, never under 3 s.
    windowMs: positive('WINDOW_MS', Math.max(3000, requests * 5)),
    timerGraceMs: positive('TIMER_GRACE_MS', 10_000),
    bidMode: bidModeOverride(process.env.BID_MODE),
  }
}

const parameters = readParameters()
console.log(headerLine(parameters))
const database = await createRunDatabase(parameters.adminUrl)
let exitCode = 1
try {
  exitCode = await runBenchmark(database.url, parameters)
} catch (error) {
  console.error(error)
} finally {
  await database.drop()
}
process.exit(exitCode)
