// The hash chain over a stream: hash = SHA-256(canonical JSON of the event without its hash),
// prev_hash links each event to the one before it. Pure: verification needs only the events.
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.ts'

export const GENESIS_HASH = '0'.repeat(64)

/** An event as stored, with everything the hash covers. */
export interface ChainedEvent {
  readonly streamId: string
  readonly seq: number
  readonly type: string
  readonly data: Record<string, unknown>
  readonly meta: Record<string, unknown>
  /** UTC ISO-8601 with milliseconds. */
  readonly recordedAt: string
  readonly prevHash: string
  readonly hash: string
}

export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex')
}

export function eventHash(event: Omit<ChainedEvent, 'hash'>): string {
  const { streamId, seq, type, data, meta, recordedAt, prevHash } = event
  return sha256Hex(canonicalJson({ streamId, seq, type, data, meta, recordedAt, prevHash }))
}

/** An event before it has a place in a stream: what happened, to whom, when. */
export interface NewEvent {
  readonly type: string
  readonly data: Record<string, unknown>
  readonly meta: Record<string, unknown>
  readonly recordedAt: Date
}

/** A stream's last event as the next one links to it; an empty stream's head is seq 0 and the genesis hash. */
export interface StreamHead {
  readonly seq: number
  readonly hash: string
}

export const GENESIS_HEAD: StreamHead = { seq: 0, hash: GENESIS_HASH }

export function headOf(events: readonly ChainedEvent[]): StreamHead {
  const last = events.at(-1)
  return last ? { seq: last.seq, hash: last.hash } : GENESIS_HEAD
}

/**
 * The new events chained onto `head`: seq counts on from the head's, each prev_hash is the hash before
 * it. The one place an event gets its hash; every writer of a stream stores what this returns.
 */
export function chainEvents(streamId: string, head: StreamHead, events: readonly NewEvent[]): ChainedEvent[] {
  let { seq, hash: prevHash } = head
  return events.map(({ type, data, meta, recordedAt }) => {
    seq += 1
    const unhashed = { streamId, seq, type, data, meta, recordedAt: recordedAt.toISOString(), prevHash }
    prevHash = eventHash(unhashed)
    return { ...unhashed, hash: prevHash }
  })
}

export interface ChainVerdict {
  readonly ok: boolean
  readonly length: number
  readonly headHash: string
  /** The first event whose sequence, link or hash is wrong. */
  readonly firstBadSeq: number | null
  readonly problem: string | null
}

export function verifyChain(events: readonly ChainedEvent[]): ChainVerdict {
  let prevHash = GENESIS_HASH
  for (const [index, event] of events.entries()) {
    const problem =
      event.seq !== index + 1
        ? `expected seq ${index + 1}, found ${event.seq}`
        : event.prevHash !== prevHash
          ? 'prev_hash does not link to the event before'
          : eventHash(event) !== event.hash
            ? 'hash does not match the event content'
            : null
    if (problem)
      return { ok: false, length: events.length, headHash: prevHash, firstBadSeq: index + 1, problem }
    prevHash = event.hash
  }
  return { ok: true, length: events.length, headHash: prevHash, firstBadSeq: null, problem: null }
}
