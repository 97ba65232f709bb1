// Bidding's tables: the bids projection, bid receipts, Idempotency-Keys, questions and objections.
import type { ColumnType } from 'kysely'
import type { Timestamp } from './columns.ts'

export interface BidsTable {
  id: string
  tender_id: string
  bidder_org_id: string
  state: string
  version: number
  /** The decrypted bid, filled only at opening (null while sealed). */
  content: ColumnType<Record<string, unknown> | null, string | null, string | null>
  /** The compact JWE as submitted or sealed by the platform; null only for pre-sealing 'plaintext-legacy' rows. */
  ciphertext: string | null
  /** SHA-256 (hex) of the compact JWE's UTF-8 bytes: on the receipt and in the committed bid set. */
  ciphertext_sha256: string
  mode: 'jwe' | 'plaintext-convenience' | 'plaintext-legacy'
  /** Why opening found the bid invalid or undecryptable. */
  opening_reason: ColumnType<string | null, string | null | undefined, string | null>
  /** int8 read back as a decimal string. */
  price_fen: ColumnType<string | null, string | null, string | null>
  submitted_at: Timestamp
  updated_at: Timestamp
}

export interface BidReceiptsTable {
  id: string
  bid_id: string
  tender_id: string
  bidder_org_id: string
  action: 'submitted' | 'replaced' | 'withdrawn'
  /** The compact JWS the bidder was given. */
  jws: string
  issued_at: Timestamp
}

export interface IdempotencyKeysTable {
  key: string
  bidder_org_id: string
  /** The route pattern, e.g. "POST /api/v1/tenders/:id/bids". */
  route: string
  /** The request's SHA-256 (method, path, canonical body), wrapped by the KEK: a bare hash of a plaintext bid could be guessed back to its price. */
  request_sha256: string
  /** Null only inside the transaction that claimed the key. */
  status_code: number | null
  response: ColumnType<Record<string, unknown> | null, string | null, string | null>
  created_at: Timestamp
}

export interface QuestionsTable {
  id: string
  tender_id: string
  asker_org_id: string
  question: string
  answer: string | null
  asked_at: Timestamp
  answered_at: Timestamp | null
}

export interface ObjectionsTable {
  id: string
  tender_id: string
  raised_by_org_id: string
  stage: string
  summary: string
  answer: string | null
  upheld: boolean | null
  raised_at: Timestamp
  answered_at: Timestamp | null
}
