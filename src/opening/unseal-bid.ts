// Opening one sealed bid: check the stored JWE against the hash recorded at submission, decrypt it with
// the tender key, check the content. A failure is attributed (电子办法 Art 31): the bidder's (deemed
// revoked, 撤销) or another party's, here the platform's (deemed withdrawn, 撤回).
import { type CryptoKey, compactDecrypt, type JWK } from 'jose'
import type { BidOpeningOutcome } from '../../state-machines/tender.events.ts'
import { TENDER_CONTENT_ENC, TENDER_KEY_ALG } from '../keys/tender-keys.ts'
import { describeFault, findUnstorableText } from '../shared/storable-text.ts'
import { checkBidContent } from '../submission/bid-content.ts'
import type { SealedBidRecord } from '../submission/bid-repository.ts'
import { ciphertextSha256, jweProblem } from '../submission/sealed-bid.ts'

export interface Unsealing {
  readonly outcome: BidOpeningOutcome
  readonly priceFen: string | null
  /** The decrypted JSON when there was one (stored on the bid), else null. */
  readonly content: Record<string, unknown> | null
  readonly reason: string | null
}

/** The tender's private key, or why the platform could not produce it. */
export type TenderKeyAccess =
  | { readonly key: CryptoKey; readonly publicJwk: JWK }
  | { readonly failure: string }

const failed = (outcome: 'decryptFailedBidder' | 'decryptFailedOther', reason: string): Unsealing => ({
  outcome,
  priceFen: null,
  content: null,
  reason,
})

/**
 * Judges decrypted (or legacy plaintext) content against the bid form. Text the database cannot store
 * makes it invalid and unstored: submission could not see inside the JWE to refuse it.
 */
export function judgeContent(content: unknown): Unsealing {
  const unstorable = findUnstorableText(content)
  if (unstorable !== null) {
    const reason = `the bid holds text that cannot be stored: ${unstorable.path} holds ${describeFault(unstorable)}`
    return { outcome: 'invalid', priceFen: null, content: null, reason }
  }
  const stored = typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : null
  const check = checkBidContent(content)
  return check.valid
    ? { outcome: 'opened', priceFen: check.priceFen, content: stored, reason: null }
    : { outcome: 'invalid', priceFen: null, content: stored, reason: check.reason }
}

function parseJson(plaintext: Uint8Array): { json: unknown } | null {
  try {
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) }
  } catch {
    return null
  }
}

/**
 * `recordedHash` is the contentHash of the bid's BID_SUBMITTED event (hash-chained, as on the receipt).
 * Whatever the platform stored or sealed itself and cannot read back is its fault, not the bidder's.
 */
export async function unsealBid(
  bid: SealedBidRecord,
  recordedHash: string,
  access: TenderKeyAccess,
): Promise<Unsealing> {
  if (bid.ciphertext === null) return judgeContent(bid.content) // stored in clear before sealing existed
  if ('failure' in access)
    return failed('decryptFailedOther', `the tender key could not be unwrapped: ${access.failure}`)
  if (ciphertextSha256(bid.ciphertext) !== recordedHash || bid.ciphertextSha256 !== recordedHash) {
    return failed(
      'decryptFailedOther',
      'the stored ciphertext does not match the hash recorded at submission (storage fault)',
    )
  }
  const problem = jweProblem(bid.ciphertext, access.publicJwk)
  if (problem !== null)
    return failed('decryptFailedOther', `the stored JWE is not one to this tender key: ${problem}`)
  let plaintext: Uint8Array
  try {
    ;({ plaintext } = await compactDecrypt(bid.ciphertext, access.key, {
      keyManagementAlgorithms: [TENDER_KEY_ALG],
      contentEncryptionAlgorithms: [TENDER_CONTENT_ENC],
    }))
  } catch {
    // The platform sealed convenience-mode bids itself: if those do not decrypt, the fault is its own.
    return bid.mode === 'plaintext-convenience'
      ? failed('decryptFailedOther', 'the bid the platform sealed does not decrypt with the tender key')
      : failed(
          'decryptFailedBidder',
          'the JWE does not decrypt with the tender key (encrypted to another key, or altered before submission)',
        )
  }
  const parsed = parseJson(plaintext)
  if (parsed === null)
    return {
      outcome: 'invalid',
      priceFen: null,
      content: null,
      reason: 'the decrypted bid is not UTF-8 JSON',
    }
  return judgeContent(parsed.json)
}
