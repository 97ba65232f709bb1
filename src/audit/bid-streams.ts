// Replay of a tender's bid streams: each stream's hash chain and bid-machine fold, and the tie to the
// tender's chain: the bid set hash CLOSE_BIDDING recorded must be the one recomputed from the streams'
// submissions that were live at the close. Pure: no Fastify, no database.
import { initialTransition, transition } from 'xstate'
import type { BidEvent, BidInput } from '../../state-machines/bid.events.ts'
import { type BidSnapshot, bidMachine, bidStateOf } from '../../state-machines/bid.machine.ts'
import { type ChainedEvent, verifyChain } from '../events/hash-chain.ts'
import { bidSetHash } from '../opening/bid-set-hash.ts'

export interface BidStreamEvents {
  readonly streamId: string
  readonly events: readonly ChainedEvent[]
}

export interface BidStreamCheck {
  readonly streamId: string
  readonly events: number
  readonly ok: boolean
  /** The first event whose sequence, link, hash or transition is wrong. */
  readonly firstBadSeq: number | null
  readonly problem: string | null
  /** Neither replaced nor withdrawn when bidding closed: one of the committed bid set. */
  readonly liveAtClose: boolean
}

export interface BidSetCheck {
  readonly ok: boolean
  readonly closedAtSeq: number
  readonly recordedHash: unknown
  readonly recomputedHash: string
  readonly recordedCount: unknown
  readonly liveCount: number
}

export interface BidStreamsVerification {
  readonly ok: boolean
  readonly count: number
  readonly streams: readonly BidStreamCheck[]
  /** Null while bidding has not closed: there is no commitment to check yet. */
  readonly bidSet: BidSetCheck | null
  readonly findings: readonly string[]
}

const OPENING_EVENTS = ['OPEN_RESULT', 'REJECT']

interface BidFold {
  readonly rejectedSeq: number | null
  readonly problem: string | null
  /** The state before the opening's events, as bidding closed it (null: no close given). */
  readonly stateAtClose: string | null
}

function startBid(first: ChainedEvent, tenderId: string, streamId: string): BidSnapshot | string {
  if (first.type !== 'BID_SUBMITTED') return 'the stream does not start with BID_SUBMITTED'
  const input = first.data as unknown as BidInput
  if (input.tenderId !== tenderId) return 'BID_SUBMITTED names another tender'
  if (`bid-${input.bidId}` !== streamId) return 'BID_SUBMITTED names another bid'
  try {
    return initialTransition(bidMachine, input)[0]
  } catch {
    return 'the bid machine refuses BID_SUBMITTED'
  }
}

function stepBid(snapshot: BidSnapshot, stored: ChainedEvent): BidSnapshot | null {
  const event = { ...stored.data, type: stored.type } as BidEvent
  try {
    return snapshot.can(event) ? transition(bidMachine, snapshot, event)[0] : null
  } catch {
    return null
  }
}

function foldBid(
  events: readonly ChainedEvent[],
  tenderId: string,
  streamId: string,
  closedAt: string | null,
) {
  const [first] = events
  if (first === undefined) return { rejectedSeq: 1, problem: 'the bid has no events', stateAtClose: null }
  let snapshot = startBid(first, tenderId, streamId)
  if (typeof snapshot === 'string') return { rejectedSeq: first.seq, problem: snapshot, stateAtClose: null }
  let stateAtClose: string | null = null
  for (const event of events) {
    if (event !== first) {
      const next = stepBid(snapshot, event)
      if (next === null) {
        const problem = `the bid machine in state "${bidStateOf(snapshot)}" refuses ${event.type}`
        return { rejectedSeq: event.seq, problem, stateAtClose }
      }
      snapshot = next
    }
    // Opening results come after the close (possibly in the same millisecond): the state before them.
    if (closedAt !== null && !OPENING_EVENTS.includes(event.type)) stateAtClose = bidStateOf(snapshot)
  }
  return { rejectedSeq: null, problem: null, stateAtClose } satisfies BidFold
}

export function verifyBidStream(
  streamId: string,
  events: readonly ChainedEvent[],
  tenderId: string,
  closedAt: string | null,
): BidStreamCheck {
  const chain = verifyChain(events)
  const fold = foldBid(events, tenderId, streamId, closedAt)
  const first = events[0]
  // The bidding window refuses a bid at or after the deadline, so none can start after the close.
  const late = first !== undefined && closedAt !== null && first.recordedAt > closedAt
  const problem = chain.problem ?? fold.problem ?? (late ? 'submitted after bidding closed' : null)
  return {
    streamId,
    events: events.length,
    ok: problem === null,
    firstBadSeq: chain.firstBadSeq ?? fold.rejectedSeq ?? (late ? 1 : null),
    problem,
    liveAtClose: fold.stateAtClose === 'submitted',
  }
}

function checkBidSet(
  close: ChainedEvent,
  streams: readonly BidStreamEvents[],
  checks: readonly BidStreamCheck[],
): BidSetCheck {
  const live = streams.filter((_, i) => checks[i]?.liveAtClose)
  const hashes = live.map(({ events }) => String(events[0]?.data.contentHash ?? ''))
  const recomputedHash = bidSetHash(hashes)
  const { bidSetHash: recordedHash, bidCount: recordedCount } = close.data
  return {
    ok: recordedHash === recomputedHash && recordedCount === live.length,
    closedAtSeq: close.seq,
    recordedHash,
    recomputedHash,
    recordedCount,
    liveCount: live.length,
  }
}

/** Every bid stream of the tender checked, and the bid set committed at CLOSE_BIDDING recomputed. */
export function verifyBidStreams(
  tenderId: string,
  tenderEvents: readonly ChainedEvent[],
  streams: readonly BidStreamEvents[],
): BidStreamsVerification {
  const close = tenderEvents.find((event) => event.type === 'CLOSE_BIDDING')
  const checks = streams.map((s) =>
    verifyBidStream(s.streamId, s.events, tenderId, close?.recordedAt ?? null),
  )
  const bidSet = close ? checkBidSet(close, streams, checks) : null
  const findings = checks
    .filter((check) => !check.ok)
    .map((check) => `${check.streamId}: seq ${check.firstBadSeq}: ${check.problem}`)
  if (bidSet && !bidSet.ok) {
    findings.push(
      `the bid set recorded at CLOSE_BIDDING (seq ${bidSet.closedAtSeq}: ${String(bidSet.recordedCount)} bids, ${String(bidSet.recordedHash)}) is not the one recomputed from the bid streams live at the close (${bidSet.liveCount} bids, ${bidSet.recomputedHash})`,
    )
  }
  return { ok: findings.length === 0, count: streams.length, streams: checks, bidSet, findings }
}

/** Before the opening nobody learns which bids there are: only how many streams and whether they hold. */
export function sealedBidStreamsSummary(verification: BidStreamsVerification) {
  return { ok: verification.ok, count: verification.count, detail: 'withheld until the opening' }
}

/** The bids are opened (OPEN recorded, even one that failed the tender): their streams may be shown. */
export function bidsOpened(tenderEvents: readonly ChainedEvent[]): boolean {
  return tenderEvents.some((event) => event.type === 'OPEN')
}
