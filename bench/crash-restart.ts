// `npm run bench:crash` (needs DATABASE_URL): kill -9 the server during the deadline rush, restart it
// after the deadline, and check that no acknowledged bid is lost and the durable timer closes bidding at
// once. Prints one line `crash_restart acked=… in_committed_set=… lost=… closed_after_restart_ms=… ok=…`.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DatabaseHandle } from '../src/db/database.ts'
import { readStream } from '../src/events/event-store.ts'
import { kekFromBase64 } from '../src/keys/kek.ts'
import { bidSetHash } from '../src/opening/bid-set-hash.ts'
import { listLiveBids } from '../src/submission/bid-repository.ts'
import { createBidders, createScratchDatabase, publishTenderClosingSoon } from './crash-restart-setup.ts'

const adminUrl = process.env.DATABASE_URL
if (!adminUrl)
  throw new Error('bench:crash needs DATABASE_URL (a PostgreSQL server it may create databases on)')
const port = Number(process.env.PORT ?? 3918)
const rate = Number(process.env.RATE ?? 250) // bids per second sent during the rush
const concurrency = Number(process.env.CONCURRENCY ?? 16)
const deadlineInMs = Number(process.env.DEADLINE_IN_MS ?? 8000)
const killBeforeMs = Number(process.env.KILL_BEFORE_MS ?? 2000)
const closeWithinMs = Number(process.env.CLOSE_WITHIN_MS ?? 5000)
const kekBase64 = randomBytes(32).toString('base64')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-bench-crash-'))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

function startServer(url: string): ChildProcess {
  return spawn(process.execPath, ['bin/youxuan.mjs', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      YOUXUAN_KEK: kekBase64,
      YOUXUAN_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

async function healthy(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await sleep(20)
  }
  throw new Error(`the server did not become healthy within ${timeoutMs} ms`)
}

const bidBody = (i: number) => {
  const priceFen = String(3_700_000_000 + i * 1000)
  return {
    bid: {
      priceFen,
      durationDays: 365,
      items: [{ name: '道路改造工程（总价）', quantity: 1, unitPriceFen: priceFen }],
      declarations: { noCollusion: true, qualificationsMet: true },
    },
  }
}

interface RushOutcome {
  readonly acked: string[]
  /** Answered, but not 201 (e.g. 409 after the deadline). */
  refused: number
  /** No answer: the server was killed. */
  unanswered: number
  /** Sent before the kill and not answered before it: these prove the kill hit the rush. */
  inFlightAtKill: number
}

async function sendBid(tenderId: string, token: string, i: number): Promise<string | null> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/tenders/${tenderId}/bids`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(bidBody(i)),
  })
  const body = (await res.json()) as { bid?: { id: string } }
  return res.status === 201 && body.bid ? body.bid.id : null
}

/** Sends bid i at start + i/rate from `concurrency` senders, through the kill, until `stopAt`. */
async function rush(tenderId: string, tokens: readonly string[], killTime: number, stopAt: number) {
  const outcome: RushOutcome = { acked: [], refused: 0, unanswered: 0, inFlightAtKill: 0 }
  let next = 0
  const start = Date.now()
  const sender = async () => {
    for (let i = next++; i < tokens.length; i = next++) {
      await sleep(start + (i * 1000) / rate - Date.now())
      const sentAt = Date.now()
      if (sentAt >= stopAt) return
      try {
        const id = await sendBid(tenderId, tokens[i]!, i)
        if (id) outcome.acked.push(id)
        else outcome.refused++
      } catch {
        outcome.unanswered++
      }
      if (sentAt < killTime && Date.now() >= killTime) outcome.inFlightAtKill++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, sender))
  return outcome
}

async function signalAt(child: ChildProcess, at: number, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  await sleep(at - Date.now())
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill(signal)
  await exited
}

async function closeEventOf(db: DatabaseHandle['db'], tenderId: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const events = await readStream(db, `tender-${tenderId}`)
    const close = events.find((event) => event.type === 'CLOSE_BIDDING')
    if (close) return close.data as { at: string; bidCount: number; bidSetHash: string }
    await sleep(10)
  }
  throw new Error(`bidding was not closed within ${timeoutMs} ms of the restart`)
}

async function committedSet(db: DatabaseHandle['db'], tenderId: string) {
  const live = await db.transaction().execute((trx) => listLiveBids(trx, tenderId))
  return {
    ids: new Set(live.map((bid) => bid.id)),
    hash: bidSetHash(live.map((bid) => bid.ciphertextSha256)),
    count: live.length,
  }
}

/** The rush, the kill 2 s before the deadline, the restart after it, and the close by the timer. */
async function crashAndRestart(url: string, db: DatabaseHandle['db']) {
  const tokens = await createBidders(db, Math.ceil((rate * deadlineInMs) / 1000))
  const { tenderId, deadline } = await publishTenderClosingSoon(db, kekFromBase64(kekBase64), deadlineInMs)
  const deadlineMs = Date.parse(deadline)
  const first = startServer(url)
  try {
    await healthy(30_000)
    const killTime = deadlineMs - killBeforeMs
    const [sent] = await Promise.all([
      rush(tenderId, tokens, killTime, killTime + 500),
      signalAt(first, killTime, 'SIGKILL'),
    ])
    await sleep(deadlineMs + 1000 - Date.now())
    const restartedAt = Date.now()
    const second = startServer(url)
    try {
      const close = await closeEventOf(db, tenderId, closeWithinMs + 30_000)
      return { tenderId, deadlineMs, sent, close, restartedAt }
    } finally {
      await signalAt(second, 0, 'SIGTERM')
    }
  } finally {
    await signalAt(first, 0, 'SIGKILL')
  }
}

async function run(): Promise<boolean> {
  const scratch = await createScratchDatabase(adminUrl!)
  try {
    const { tenderId, deadlineMs, sent, close, restartedAt } = await crashAndRestart(
      scratch.url,
      scratch.handle.db,
    )
    const set = await committedSet(scratch.handle.db, tenderId)
    const inSet = sent.acked.filter((id) => set.ids.has(id)).length
    const lost = sent.acked.length - inSet
    const closedAt = Date.parse(close.at)
    const setMatches = set.hash === close.bidSetHash && set.count === close.bidCount
    const ok =
      sent.acked.length > 0 &&
      sent.inFlightAtKill > 0 &&
      lost === 0 &&
      setMatches &&
      closedAt >= deadlineMs &&
      closedAt - restartedAt <= closeWithinMs
    console.log(
      [
        `crash_restart acked=${sent.acked.length} in_committed_set=${inSet} lost=${lost}`,
        `in_flight_at_kill=${sent.inFlightAtKill} unanswered=${sent.unanswered} refused=${sent.refused}`,
        `committed=${set.count} set_hash_matches=${setMatches} close_after_deadline_ms=${closedAt - deadlineMs}`,
        `closed_after_restart_ms=${closedAt - restartedAt} ok=${ok}`,
      ].join(' '),
    )
    return ok
  } finally {
    await scratch.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

process.exitCode = (await run()) ? 0 : 1
