// A receipt payload for the receipt tests.
import type { BidReceiptPayload } from '../../src/receipts/bid-receipt.ts'

export const receiptPayload: BidReceiptPayload = {
  tenderId: 'tnd_5d0c1f2a9b8e4c7d8a6b5c4d3e2f1a0b',
  bidId: 'bid_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  bidderUscc: '91440605MA4UQ2XJ5K',
  action: 'submitted',
  ciphertextSha256: '3f786850e387550fdab836ed7e6dc881de23001b1b1d5fa0d7a4c4a6d5f1d0c2',
  receivedAt: '2026-03-22T01:29:58.125Z',
}

/** Flips one character in the middle of the given part (0 header, 1 payload, 2 signature). */
export function changeOneByte(jws: string, part: number): string {
  const parts = jws.split('.')
  const text = parts[part]!
  const at = Math.floor(text.length / 2)
  parts[part] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)
  return parts.join('.')
}
