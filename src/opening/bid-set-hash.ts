// The commitment CLOSE_BIDDING makes to the exact set of live bids, recomputable by any bidder.
import { sha256Hex } from '../events/hash-chain.ts'

export const BID_SET_HASH_RULE =
  'bidSetHash = SHA-256 (lowercase hex) of the live bids\' ciphertextSha256 values (lowercase hex), sorted ascending and joined with "\\n" (no trailing newline); with no bids, the SHA-256 of the empty string. ciphertextSha256 = SHA-256 of the UTF-8 bytes of the bid\'s compact JWE, as on its receipt.'

/** See BID_SET_HASH_RULE; the route description publishes the same text. */
export function bidSetHash(ciphertextHashes: readonly string[]): string {
  return sha256Hex([...ciphertextHashes].sort().join('\n'))
}
