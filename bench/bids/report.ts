// The printed figures: the header line (parameters and machine), the one result line, and a detail line.
import os from 'node:os'
import type { RequestRecord } from './plan.ts'
import type { Verdict } from './verify.ts'

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export function headerLine(o: { tenders: number; bidders: number; concurrency: number }): string {
  const memGiB = (os.totalmem() / 1024 ** 3).toFixed(1)
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown'
  return `bench:bids T=${o.tenders} B=${o.bidders} C=${o.concurrency} nproc=${os.availableParallelism()} mem=${memGiB}GiB node=${process.version} cpu="${cpu}"`
}

export interface WindowFigures {
  readonly bidsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly requests: number
  readonly statuses: string
}

/** Throughput counts acknowledged bids over the window from the first send to the last answer. */
export function windowFigures(
  records: readonly RequestRecord[],
  window: { start: number; end: number },
): WindowFigures {
  const timed = records.filter((r) => r.kind !== 'late')
  const latencies = timed.map((r) => r.ms).sort((a, b) => a - b)
  const acked = timed.filter((r) => r.status === 201).length
  const counts = new Map<string, number>()
  for (const r of timed) {
    const key = r.status === 201 ? '201' : `${r.status}${r.code ? `(${r.code})` : ''}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return {
    bidsPerSecond: acked / ((window.end - window.start) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: timed.length,
    statuses: [...counts].map(([key, n]) => `${key}:${n}`).join(','),
  }
}

/**
 * Every request as one JSON line (kind, tender, bidder, sent ms after the window opened, latency ms, status),
 * in send order: for seeing where the slow answers sit (the opening wave of C requests, a stall).
 */
export function latencyLines(records: readonly RequestRecord[], windowStart: number): string {
  return [...records]
    .sort((a, b) => a.sentAt - b.sentAt)
    .map(({ kind, tender, bidder, sentAt, ms, status }) =>
      JSON.stringify({
        kind,
        tender,
        bidder,
        sentMs: Math.round((sentAt - windowStart) * 10) / 10,
        ms: Math.round(ms * 10) / 10,
        status,
      }),
    )
    .join('\n')
}

export function resultLine(figures: WindowFigures, verdict: Verdict, pgInsertPerSecond: number): string {
  const ratio = pgInsertPerSecond > 0 ? figures.bidsPerSecond / pgInsertPerSecond : 0
  return [
    `bids_per_s=${figures.bidsPerSecond.toFixed(0)}`,
    `p50_ms=${figures.p50.toFixed(1)}`,
    `p99_ms=${figures.p99.toFixed(1)}`,
    `acked=${verdict.acked}`,
    `in_committed_sets=${verdict.inCommittedSets}`,
    `lost=${verdict.lost}`,
    `accepted_after_deadline=${verdict.acceptedAfterDeadline}`,
    `opened_ok=${verdict.openedOk}`,
    `pg_insert_per_s=${pgInsertPerSecond.toFixed(0)}`,
    `ratio=${ratio.toFixed(2)}`,
  ].join(' ')
}

/** The late bids' outcomes: every one must be 409 bidding_closed. */
export function lateSummary(records: readonly RequestRecord[]): {
  refused: number
  total: number
  other: string[]
} {
  const late = records.filter((r) => r.kind === 'late')
  const refused = late.filter((r) => r.status === 409 && r.code === 'bidding_closed').length
  const other = late
    .filter((r) => !(r.status === 409 && r.code === 'bidding_closed'))
    .map((r) => `${r.status}${r.code ? `(${r.code})` : ''}`)
  return { refused, total: late.length, other }
}
