// Bids accepted together: the submissions that reach this process while an acceptance is running go
// to PostgreSQL as the next batch, one statement and one commit for all of them (accept-bids.ts). In
// the deadline rush that is what keeps the database's work per bid near a single-row insert's; alone,
// a bid is a batch of one and waits for nothing. Two bids of one (tender, bidder), or one key twice,
// are never in one batch or in two at once; a batch that fails is retried bid by bid.
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

interface Queue {
  readonly accept: (acceptance: NewBidAcceptance) => Promise<AcceptanceOutcome>
  readonly stats: AcceptanceStats
}

// One queue per database handle, so test databases never share batches.
const queues = new WeakMap<Kysely<Database>, Queue>()

function queueOf(db: Kysely<Database>): Queue {
  const known = queues.get(db)
  if (known) return known
  const stats: AcceptanceStats = { batches: 0, bids: 0, largestBatch: 0 }
  const run = (batch: readonly NewBidAcceptance[]) => {
    stats.batches += 1
    stats.bids += batch.length
    stats.largestBatch = Math.max(stats.largestBatch, batch.length)
    return acceptBids(db, batch)
  }
  const accept = microBatcher(run, { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT, keysOf })
  const queue = { accept, stats }
  queues.set(db, queue)
  return queue
}

/** Accepts (or refuses) one bid, in a batch with whatever else arrives meanwhile. */
export function acceptBid(db: Kysely<Database>, acceptance: NewBidAcceptance): Promise<AcceptanceOutcome> {
  return queueOf(db).accept(acceptance)
}

/** A copy of the queue's counters (a failed batch's bid-by-bid retries count as batches too). */
export function acceptanceStats(db: Kysely<Database>): AcceptanceStats {
  return { ...queueOf(db).stats }
}
