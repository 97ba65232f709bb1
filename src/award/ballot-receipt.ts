// A ballot's receipt (回执): the seq and hash of the CAST_BALLOT event that recorded it, never its
// choice. The history shows every ballot's seq and hash even while its round is open, so a member can
// find their ballot in the hash chain by the receipt code, and check it in full once the round closes.
import type { StoredEvent } from '../events/event-store.ts'

export interface BallotReceipt {
  readonly round: number
  readonly seq: number
  readonly hash: string
  /** `<seq>-<the hash's first 12 hex digits>`: short enough to read out, enough to find the event. */
  readonly code: string
  readonly castAt: string
}

export function receiptCode(seq: number, hash: string): string {
  return `${seq}-${hash.slice(0, 12)}`
}

export function ballotReceipt(
  event: Pick<StoredEvent, 'seq' | 'hash' | 'recordedAt'>,
  round: number,
): BallotReceipt {
  return {
    round,
    seq: event.seq,
    hash: event.hash,
    code: receiptCode(event.seq, event.hash),
    castAt: event.recordedAt,
  }
}
