// The bid pipeline, like the tender's: fold the bid's stream through the bid machine, let the machine
// decide, append to the bid's hash-chained stream, update the bids row. Callers own the transaction.

import type { Transaction } from 'kysely'
import { initialTransition, transition } from 'xstate'
import type { BidEvent, BidInput } from '../../state-machines/bid.events.ts'
import { type BidSnapshot, bidMachine, bidStateOf } from '../../state-machines/bid.machine.ts'
import { bidEventsInState, bidRefusalOf } from '../../state-machines/bid.refusals.ts'
import type { Database } from '../db/schema.ts'
import { appendEvents, readStream, type StoredEvent } from '../events/event-store.ts'
import { chainEvents, GENESIS_HEAD, headOf, type NewEvent } from '../events/hash-chain.ts'
import { bidStreamId } from '../events/stream-ids.ts'
import { refusalError } from '../pipeline/decide-transition.ts'
import { IllegalTransition } from '../shared/errors.ts'
import { updateBidState } from './bid-repository.ts'

export const BID_SUBMITTED = 'BID_SUBMITTED'

/** A bid event as a command proposes it; the caller's server time is added here. */
export type ProposedBidEvent = BidEvent extends infer E ? (E extends BidEvent ? Omit<E, 'at'> : never) : never

const bidSubmitted = (input: BidInput, meta: Record<string, unknown>): NewEvent => ({
  type: BID_SUBMITTED,
  data: { ...input },
  meta,
  recordedAt: new Date(input.submittedAt),
})

/** Opens a bid's stream with BID_SUBMITTED, which carries the machine input (never the content). */
export async function startBidStream(
  trx: Transaction<Database>,
  input: BidInput,
  meta: Record<string, unknown>,
): Promise<BidSnapshot> {
  const [snapshot] = initialTransition(bidMachine, input)
  await appendEvents(trx, bidStreamId(input.bidId), 0, [bidSubmitted(input, meta)])
  return snapshot
}

/** The first event of a new bid stream, chained onto the genesis head, for one-statement inserts. */
export function bidSubmittedEvent(input: BidInput, meta: Record<string, unknown>): StoredEvent {
  const [event] = chainEvents(bidStreamId(input.bidId), GENESIS_HEAD, [bidSubmitted(input, meta)])
  return event!
}

/** The bid's machine snapshot and stream version, folded from its events (a handful). */
function foldBidStream(
  bidId: string,
  events: readonly StoredEvent[],
): { snapshot: BidSnapshot; version: number } {
  const [first, ...rest] = events
  if (first?.type !== BID_SUBMITTED)
    throw new Error(`bid stream ${bidStreamId(bidId)} does not start with ${BID_SUBMITTED}`)
  let [snapshot] = initialTransition(bidMachine, first.data as unknown as BidInput)
  for (const event of rest) {
    ;[snapshot] = transition(bidMachine, snapshot, { type: event.type, ...event.data } as BidEvent)
  }
  return { snapshot, version: rest.length + 1 }
}

/** The bid's current machine snapshot and stream version. */
export async function loadBidSnapshot(
  trx: Transaction<Database>,
  bidId: string,
): Promise<{ snapshot: BidSnapshot; version: number }> {
  return foldBidStream(bidId, await readStream(trx, bidStreamId(bidId)))
}

/** One event on an existing bid, decided and chained onto its stream's head, for a one-statement write. */
export function planBidEvent(
  bidId: string,
  events: readonly StoredEvent[],
  proposed: ProposedBidEvent,
  at: Date,
  meta: Record<string, unknown>,
): { next: BidSnapshot; version: number; event: StoredEvent } {
  const { snapshot, version } = foldBidStream(bidId, events)
  const event = { ...proposed, at: at.toISOString() } as BidEvent
  const next = decideBidTransition(snapshot, event)
  const { type, ...data } = event
  const [chained] = chainEvents(bidStreamId(bidId), headOf(events), [{ type, data, meta, recordedAt: at }])
  return { next, version, event: chained! }
}

/**
 * 409 when the bid's state has no such event; when a guard refuses this one, the refusal the machine
 * names (422, or 409 for a conflict such as a change after the deadline, bidding_closed).
 */
export function decideBidTransition(snapshot: BidSnapshot, event: BidEvent): BidSnapshot {
  const state = bidStateOf(snapshot)
  const allowed = bidEventsInState(snapshot)
  if (!allowed.includes(event.type)) {
    throw new IllegalTransition(`a bid in state "${state}" does not accept ${event.type}`, { state, allowed })
  }
  if (!snapshot.can(event)) {
    const refusal = bidRefusalOf(snapshot, event)
    // Every bid guard names its refusal: a refusal without one is a fault of the machine, not the caller's.
    if (!refusal)
      throw new Error(`the bid machine refuses ${event.type} in state "${state}" without a reason`)
    throw refusalError(refusal, { bidState: state, allowed })
  }
  const [next] = transition(bidMachine, snapshot, event)
  return next
}

/** Applies one event to an existing bid: decide, append, update the row. */
export async function applyBidEvent(
  trx: Transaction<Database>,
  bidId: string,
  proposed: ProposedBidEvent,
  at: Date,
  meta: Record<string, unknown>,
): Promise<{ snapshot: BidSnapshot; event: StoredEvent }> {
  const { snapshot, version } = await loadBidSnapshot(trx, bidId)
  const event = { ...proposed, at: at.toISOString() } as BidEvent
  const next = decideBidTransition(snapshot, event)
  const { type, ...data } = event
  const [stored] = await appendEvents(trx, bidStreamId(bidId), version, [
    { type, data, meta, recordedAt: at },
  ])
  await updateBidState(trx, bidId, {
    state: bidStateOf(next),
    version: version + 1,
    priceFen: next.context.priceFen,
    updatedAt: at,
  })
  return { snapshot: next, event: stored! }
}
