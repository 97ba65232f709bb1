// Bids accepted together: the submissions that reach this process while an acceptance is running go
// to PostgreSQL as the next batch, one statement and one commit for all of them (accept-bids.ts). In
// the deadline rush that is what keeps the database's work per bid near a single-row insert's; alone,
// a bid is a batch of one and waits for nothing. Two bids of one (tender, bidder), or one key twice,
// are never in one batch or in two at once; a batch that fails is retried bid by bid. The app builds one
// queue over its database (fast-path.ts), so two apps or test databases never share batches.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { microBatcher } from '../shared/micro-batcher.ts'
import { type AcceptanceOutcome, acceptBids, type NewBidAcceptance } from './accept-bids.ts'

/** Enough for a rush of C=64 on two cores; more in one statement only lengthens the wait. */
const MAX_BATCH = 64
/** Two batches at once: one being executed by PostgreSQL while the next one's rows are sent. */
const MAX_IN_FLIGHT = 2

const keysOf = (a: NewBidAcceptance): readonly string[] => {
  const keys = [`bid ${a.tenderId} ${a.bidderOrgId}`]
  if (a.idempotency) keys.push(`key ${a.bidderOrgId} ${a.idempotency.key}`)
  return keys
}

/** What the queue has done since the process started: statements run, bids in them, the largest batch. */
export interface AcceptanceStats {
  batches: number
  bids: number
  largestBatch: number
}

export interface AcceptanceQueue {
  /** Accepts (or refuses) one bid, in a batch with whatever else arrives meanwhile. */
  readonly accept: (acceptance: NewBidAcceptance) => Promise<AcceptanceOutcome>
  /** A copy of the queue's counters (a failed batch's bid-by-bid retries count as batches too). */
  readonly stats: () => AcceptanceStats
}

export function createAcceptanceQueue(db: Kysely<Database>): AcceptanceQueue {
  const stats: AcceptanceStats = { batches: 0, bids: 0, largestBatch: 0 }
  const run = (batch: readonly NewBidAcceptance[]) => {
    stats.batches += 1
    stats.bids += batch.length
    stats.largestBatch = Math.max(stats.largestBatch, batch.length)
    return acceptBids(db, batch)
  }
  const accept = microBatcher(run, { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT, keysOf })
  return { accept, stats: () => ({ ...stats }) }
}
