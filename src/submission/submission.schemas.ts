// Request and response schemas of the bidding and opening routes.
import { Type } from 'typebox'
import { Body, Id, IsoDateTime } from '../http/schemas.ts'
import { BidContentSchema } from './bid-content.ts'
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency.ts'

const text = (max: number, description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: max, description, examples: [example] })

export const BidParams = Type.Object(
  { id: Id('tender id'), bidId: Id('bid id') },
  { additionalProperties: false },
)
export const QuestionParams = Type.Object(
  { id: Id('tender id'), qid: Id('question id') },
  { additionalProperties: false },
)
export const ObjectionParams = Type.Object(
  { id: Id('tender id'), oid: Id('objection id') },
  { additionalProperties: false },
)
export const AmendmentParams = Type.Object(
  { id: Id('tender id'), aid: Id('amendment id') },
  { additionalProperties: false },
)

export const QuestionBody = Body({
  question: text(4000, 'the question (答疑)', '图纸第12页的路面结构层厚度与工程量清单不一致，以哪个为准？'),
})
export const AnswerBody = Body({
  answer: text(8000, 'the answer, published to every bidder', '以图纸为准，工程量清单随澄清文件更正。'),
})

export const AmendmentBody = Body({
  summary: text(8000, 'what the amendment (澄清/修改) changes', '更正工程量清单第3.2项沥青混凝土路面数量'),
  newDeadline: Type.Optional(
    IsoDateTime('a later bid deadline; required when the amendment is < 15 days before it'),
  ),
})

export const ObjectionBody = Body({
  stage: Type.Union(
    [Type.Literal('documents'), Type.Literal('opening'), Type.Literal('candidates'), Type.Literal('result')],
    {
      description:
        'what the objection (异议) is about: the documents, the opening, the candidates or the result',
    },
  ),
  summary: text(8000, 'the objection and its grounds', '资格条件中要求的业绩类型排斥潜在投标人'),
})

export const ObjectionAnswerBody = Body({
  answer: text(8000, 'the reply, recorded with the objection', '经复核，资格条件符合有关规定，异议不成立。'),
  upheld: Type.Boolean({ description: 'whether the objection is upheld', examples: [false] }),
})

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

export const QuestionView = Type.Object(
  {
    id: Type.String(),
    question: Type.String(),
    answer: Type.Union([Type.String(), Type.Null()]),
    mine: Type.Boolean({ description: "asked by the caller's organisation" }),
  },
  {
    additionalProperties: true,
    description: 'a question without its asker (only the asker and oversight see askerOrgId)',
  },
)
export const QuestionListResponse = Type.Object(
  { items: Type.Array(QuestionView) },
  { additionalProperties: false },
)

export const AmendmentView = Type.Object(
  {
    amendmentId: Type.String(),
    seq: Type.Integer({ description: "the AMEND event's seq in the tender's history" }),
    recordedAt: IsoDateTime('when the amendment was recorded'),
    summary: Type.String({ description: 'what the amendment (澄清/修改) changes' }),
    newDeadline: Type.Union([IsoDateTime('the bid deadline it moved to'), Type.Null()]),
  },
  { additionalProperties: false },
)
export const AmendmentListResponse = Type.Object(
  { items: Type.Array(AmendmentView) },
  { additionalProperties: false },
)

export const ObjectionView = Type.Object(
  { id: Type.String(), stage: Type.String(), summary: Type.String(), raisedByOrgId: Type.String() },
  { additionalProperties: true },
)
export const ObjectionListResponse = Type.Object(
  { items: Type.Array(ObjectionView) },
  { additionalProperties: false },
)

const OpeningRecordBid = Type.Object(
  {
    bidId: Type.String(),
    bidderName: Type.Union([Type.String(), Type.Null()]),
    bidderUscc: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()], {
      description: 'why the bid did not open: invalid content, or a decryption failure and whose it was',
    }),
    priceFen: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: true },
)
export const OpeningRecordResponse = Type.Object(
  {
    tenderId: Type.String(),
    reference: Type.String(),
    title: Type.String(),
    deadline: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Type.String(), Type.Null()]),
    openedAt: Type.Union([Type.String(), Type.Null()]),
    bidCount: Type.Union([Type.Integer(), Type.Null()]),
    bidSetHash: Type.Union([Type.String(), Type.Null()]),
    bids: Type.Array(OpeningRecordBid),
  },
  { additionalProperties: true, description: 'the opening record (开标记录)' },
)
