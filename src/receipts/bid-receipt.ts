// Bid receipts: a JWS by the platform's signing key over what the platform received and when, so a
// bidder can prove its submission (replacement, withdrawal) with any JOSE library and the public JWKS.
import type { PlatformKeys } from '../keys/platform-keys.ts'

export const BID_RECEIPT_TYP = 'youxuan-bid-receipt+jws'

export const RECEIPT_ACTIONS = ['submitted', 'replaced', 'withdrawn'] as const
export type ReceiptAction = (typeof RECEIPT_ACTIONS)[number]

export interface BidReceiptPayload {
  tenderId: string
  bidId: string
  bidderUscc: string
  action: ReceiptAction
  /** Lower-case hex SHA-256 of the exact ciphertext (the compact JWE) the platform stored. */
  ciphertextSha256: string
  /** Server time of receipt, UTC ISO-8601. */
  receivedAt: string
}

export function issueBidReceipt(keys: PlatformKeys, payload: BidReceiptPayload): Promise<string> {
  // Only the receipt's own fields are signed, in a fixed order, whatever else the caller's object holds.
  const signed: BidReceiptPayload = {
    tenderId: payload.tenderId,
    bidId: payload.bidId,
    bidderUscc: payload.bidderUscc,
    action: payload.action,
    ciphertextSha256: payload.ciphertextSha256,
    receivedAt: payload.receivedAt,
  }
  return keys.sign({ ...signed }, BID_RECEIPT_TYP)
}

/** The payload's shape, checked after the signature: a signed object of another kind is not a receipt. */
export function asBidReceiptPayload(value: unknown): BidReceiptPayload | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const p = value as Record<string, unknown>
  const strings = ['tenderId', 'bidId', 'bidderUscc', 'ciphertextSha256', 'receivedAt'] as const
  if (!strings.every((name) => typeof p[name] === 'string')) return null
  if (!RECEIPT_ACTIONS.includes(p.action as ReceiptAction)) return null
  return {
    tenderId: p.tenderId as string,
    bidId: p.bidId as string,
    bidderUscc: p.bidderUscc as string,
    action: p.action as ReceiptAction,
    ciphertextSha256: p.ciphertextSha256 as string,
    receivedAt: p.receivedAt as string,
  }
}
