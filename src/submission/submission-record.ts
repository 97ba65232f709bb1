// What an accepted submission records and answers, the same on the one-statement path and the
// transactional one: BID_SUBMITTED's data (the bid machine's input) and the bid summary of the 201.
import type { BidInput } from '../../state-machines/bid.events.ts'
import type { SealedBid } from './sealed-bid.ts'

export interface SubmittedBid {
  readonly id: string
  readonly tenderId: string
  readonly state: string
  readonly submittedAt: string
  readonly mode: string
  readonly ciphertextSha256: string
  /** The bid this one replaced, if the bidder had a live one. */
  readonly replaces?: string
}

export interface Submission {
  readonly bidId: string
  readonly tenderId: string
  readonly bidderOrgId: string
  /** Server time of receipt. */
  readonly at: Date
  readonly deadline: string
  readonly sealed: SealedBid
  readonly creditSnapshotId: string
  /** The live bid it replaces, or null. */
  readonly replaces: string | null
}

export function submissionRecord(s: Submission): {
  input: BidInput & { readonly creditSnapshotId: string }
  bid: SubmittedBid
} {
  const submittedAt = s.at.toISOString()
  const hash = s.sealed.ciphertextSha256
  // creditSnapshotId: the machine ignores it; the chain binds the submission's credit snapshot.
  const input = {
    bidId: s.bidId,
    tenderId: s.tenderId,
    bidderOrgId: s.bidderOrgId,
    submittedAt,
    deadline: s.deadline,
    contentHash: hash,
    creditSnapshotId: s.creditSnapshotId,
  }
  const bid: SubmittedBid = {
    id: s.bidId,
    tenderId: s.tenderId,
    state: 'submitted',
    submittedAt,
    mode: s.sealed.mode,
    ciphertextSha256: hash,
    ...(s.replaces ? { replaces: s.replaces } : {}),
  }
  return { input, bid }
}
