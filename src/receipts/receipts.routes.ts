// The public receipt check: anyone holding a receipt can ask whether the platform's keys signed it.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Body, ProblemRef } from '../http/schemas.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { RECEIPT_ACTIONS } from './bid-receipt.ts'
import { verifyBidReceipt } from './verify-receipt.ts'

const VerifyBody = Body(
  {
    receipt: Type.String({
      minLength: 1,
      maxLength: 16_384,
      description: 'the receipt: a compact JWS as the platform returned it',
      examples: ['eyJhbGciOiJFZERTQSIsImtpZCI6InNpZy0yMDI2LTAzLTAyLTlmM2E2MWMyIiwidHlwIjoi…'],
    }),
  },
  { description: 'a bid receipt to verify against the platform JWKS' },
)

const ReceiptPayload = Type.Object(
  {
    tenderId: Type.String(),
    bidId: Type.String(),
    bidderUscc: Type.String(),
    action: Type.Union(RECEIPT_ACTIONS.map((action) => Type.Literal(action))),
    ciphertextSha256: Type.String({ description: 'hex SHA-256 of the stored ciphertext (compact JWE)' }),
    receivedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

const Verdict = Type.Object(
  {
    valid: Type.Boolean(),
    reason: Type.Optional(
      Type.Union([
        Type.Literal('malformed'),
        Type.Literal('unknown_key'),
        Type.Literal('signature_invalid'),
        Type.Literal('not_a_receipt'),
        Type.Literal('revoked'),
      ]),
    ),
    detail: Type.Optional(Type.String()),
    payload: Type.Optional(ReceiptPayload),
    kid: Type.Optional(Type.String({ description: 'the signing key that made the receipt' })),
  },
  { additionalProperties: false },
)

export async function receiptsRoutes(app: FastifyInstance, deps: { keys: PlatformKeys }): Promise<void> {
  app.post(
    '/api/v1/receipts/verify',
    {
      schema: {
        operationId: 'verifyReceipt',
        tags: ['bidding'],
        summary: 'Verify a bid receipt against the platform JWKS (public; 200 with valid true or false)',
        body: VerifyBody,
        response: { 200: Verdict, 400: ProblemRef, 413: ProblemRef },
      },
    },
    async (request) => {
      const { receipt } = request.body as { receipt: string }
      return verifyBidReceipt(receipt, await deps.keys.jwks())
    },
  )
}
