// The commitment CLOSE_BIDDING makes to the exact set of live bids, recomputable by any bidder.
import { sha256Hex } from '../events/hash-chain.ts'

export const BID_SET_HASH_RULE =
  'bidSetHash = SHA-256 (lowercase hex) of the live bids\' contentHash values (lowercase hex), sorted ascending and joined with "\\n" (no trailing newline); with no bids, the SHA-256 of the empty string. contentHash = SHA-256 of the RFC 8785 canonical JSON of the bid content.'

/** See BID_SET_HASH_RULE; the route description publishes the same text. */
export function bidSetHash(contentHashes: readonly string[]): string {
  return sha256Hex([...contentHashes].sort().join('\n'))
}
