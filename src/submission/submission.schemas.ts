// Request and response schemas of the bid routes: submit, withdraw, list, receipts.
import { Type } from 'typebox'
import { Body, Id } from '../http/schemas.ts'
import { BidContentSchema } from './bid-content.ts'
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency.ts'

export const BidParams = Type.Object(
  { id: Id('tender id'), bidId: Id('bid id') },
  { additionalProperties: false },
)

/** A real compact JWE (to a throwaway key): what the header and the five parts look like. */
const JWE_EXAMPLE =
  'eyJhbGciOiJFQ0RILUVTK0EyNTZLVyIsImVuYyI6IkEyNTZHQ00iLCJraWQiOiJlbmMtdG5kXzBmNmIyYzFkOWE4ZTRmN2I4YzNkMmUxZjBhOWI4YzdkIiwiZXBrIjp7IngiOiJ0UE5OeG9aeFJXSEdnaG1GZnJIbkM1NG1sUGVBa2xZTVFjXy1yVW5fQWZzIiwiY3J2IjoiUC0yNTYiLCJrdHkiOiJFQyIsInkiOiJPRXliRXAzUEVpdmNrLVZ1V3RKWlZuRGg3N0M4clZiMEtITzNaZFhna2xnIn19.noNAgKYBagkB4lvi4YO9cjj07Hi3Ai8yhedcLvvS8GTevaF40PLmog.R2Qu8CfscqC6hK2F.63Rc6glJ6nSwSEqCFRBiAJnYscgtTv0l2LmdQX83rvZNZPXRieeLlMaTsECym_tUmQ-1Xwov-chJ8H6YNGnxzf5EaPLKr7Aos_P3E-Xf0wdQo86vasOMPEGnvYNGC5MX4RjJxsiiOzD5.udyrrYb8Q1RPltWh-e6o2g'

export const SubmitBidBody = Type.Union(
  [
    Body(
      {
        jwe: Type.String({
          minLength: 1,
          description:
            "compact JWE (RFC 7516) of the bid form's UTF-8 JSON, encrypted by the bidder to the tender key from GET /api/v1/tenders/{id}/encryption-key: protected header alg ECDH-ES+A256KW, enc A256GCM, kid = the key's kid; no zip",
          examples: [JWE_EXAMPLE],
        }),
      },
      { description: 'sealed mode (recommended): nobody on the server side can read the bid before opening' },
    ),
    Body(
      { bid: BidContentSchema },
      {
        description:
          'convenience mode: the server encrypts the bid to the tender key before anything is stored or logged',
      },
    ),
  ],
  { description: 'a sealed bid: either a JWE, or a plaintext bid the server seals at once' },
)

export const IdempotencyHeaders = Type.Object(
  {
    'idempotency-key': Type.Optional(
      Type.String({
        pattern: IDEMPOTENCY_KEY_PATTERN,
        description:
          'makes the request safe to retry: a retry with the same key and body gets the first response (same receipt) and changes nothing; the same key with another body is 422 idempotency_key_reused. A key is kept for 24 hours after its first use, then forgotten.',
        examples: ['bid-2026-03-02-0001'],
      }),
    ),
  },
  { additionalProperties: true },
)

const Receipt = Type.String({
  description:
    'the receipt: a compact JWS (platform key, see /.well-known/jwks.json) over {tenderId, bidId, bidderUscc, action, ciphertextSha256, receivedAt}',
})

const SubmittedBid = Type.Object(
  {
    id: Type.String(),
    tenderId: Type.String(),
    state: Type.String(),
    submittedAt: Type.String(),
    mode: Type.String({ description: "'jwe' or 'plaintext-convenience'" }),
    ciphertextSha256: Type.String({
      description: "SHA-256 (hex) of the compact JWE's UTF-8 bytes, as on the receipt and in bidSetHash",
    }),
    replaces: Type.Optional(Type.String({ description: 'the earlier live bid this one replaced' })),
  },
  { additionalProperties: true },
)
export const SubmittedBidResponse = Type.Object(
  {
    bid: SubmittedBid,
    receipt: Receipt,
    replacedReceipt: Type.Optional({ ...Receipt, description: "the replaced bid's 'replaced' receipt" }),
  },
  { additionalProperties: false },
)

const ReceiptView = Type.Object(
  {
    id: Type.String(),
    bidId: Type.String(),
    tenderId: Type.String(),
    action: Type.String({ description: "'submitted', 'replaced' or 'withdrawn'" }),
    issuedAt: Type.String(),
    receipt: Receipt,
  },
  { additionalProperties: false },
)
export const ReceiptListResponse = Type.Object(
  { items: Type.Array(ReceiptView) },
  { additionalProperties: false },
)

export const BidView = Type.Object(
  {
    id: Type.String(),
    bidderOrgId: Type.String(),
    bidderName: Type.String(),
    bidderUscc: Type.String(),
    state: Type.String(),
    submittedAt: Type.String(),
    priceFen: Type.Union([Type.String(), Type.Null()], {
      description: 'declared price in fen, known from opening',
    }),
    outcome: Type.Union([Type.String(), Type.Null()], {
      description: 'opening outcome, null before opening',
    }),
  },
  {
    additionalProperties: true,
    description: 'a bid; `content` only for its bidder, oversight and (after opening) the purchaser',
  },
)
export const BidListResponse = Type.Object({ items: Type.Array(BidView) }, { additionalProperties: false })
