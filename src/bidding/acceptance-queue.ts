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

type Accept = (acceptance: NewBidAcceptance) => Promise<AcceptanceOutcome>

// One queue per database handle, so test databases never share batches.
const queues = new WeakMap<Kysely<Database>, Accept>()

/** Accepts (or refuses) one bid, in a batch with whatever else arrives meanwhile. */
export function acceptBid(db: Kysely<Database>, acceptance: NewBidAcceptance): Promise<AcceptanceOutcome> {
  let accept = queues.get(db)
  if (!accept) {
    accept = microBatcher((batch: readonly NewBidAcceptance[]) => acceptBids(db, batch), {
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
      keysOf,
    })
    queues.set(db, accept)
  }
  return accept(acceptance)
}
