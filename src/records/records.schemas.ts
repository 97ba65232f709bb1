// Request and response schemas of the record routes (list, download PDF and JWS, verify).

import { Type } from 'typebox'
import { RECORD_TYPES } from '../../templates/pdf/record-kinds.ts'
import { Body } from '../http/schemas.ts'
import { RECORD_VERDICTS } from './verify-record.ts'

const EXAMPLE_RECORD_ID = 'rec_5d41402abc4b2a76b9719d911017c592'
const EXAMPLE_HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'

export const RecordIdParams = Type.Object(
  {
    recordId: Type.String({
      pattern: '^rec_[0-9a-f]{32}$',
      description: 'record id (rec_ + 32 hex digits)',
      examples: [EXAMPLE_RECORD_ID],
    }),
  },
  { additionalProperties: false },
)

const RecordTypeSchema = Type.Union(
  RECORD_TYPES.map((type) => Type.Literal(type)),
  {
    description:
      'opening_record 开标记录 · evaluation_report 评标报告 · award_report 定标报告 · award_notice 中标通知书 · ' +
      'unsuccessful_notice 中标结果通知书 (to an unsuccessful bidder) · replay_certificate (history and chain head)',
  },
)

const CertifiedEvent = Type.Object(
  {
    seq: Type.Integer({ description: "the event's seq in the tender's stream", examples: [12] }),
    hash: Type.String({ description: "the event's chain hash", examples: [EXAMPLE_HASH] }),
    type: Type.String({ examples: ['OPEN'] }),
  },
  { additionalProperties: false },
)

export const RecordSummary = Type.Object(
  {
    recordId: Type.String({ examples: [EXAMPLE_RECORD_ID] }),
    tenderId: Type.String(),
    type: RecordTypeSchema,
    recipientOrgId: Type.Union([Type.String(), Type.Null()], { description: 'the addressee of a notice' }),
    certifiedEvent: CertifiedEvent,
    issuedAt: Type.String({ format: 'date-time', description: "the certified event's time (UTC ISO-8601)" }),
    pdfSha256: Type.String({ description: 'hex SHA-256 of the exact PDF bytes', examples: [EXAMPLE_HASH] }),
    kid: Type.String({ description: 'the signing key', examples: ['sig-2026-03-02-9f3a61c2'] }),
    issuanceSeq: Type.Integer({
      description: "its RECORD_ISSUED event's seq in the tender's records stream",
    }),
    links: Type.Object(
      { pdf: Type.String(), jws: Type.String(), verify: Type.String() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export const RecordList = Type.Object(
  {
    tenderId: Type.String(),
    items: Type.Array(RecordSummary, { description: 'the records open to the caller, in event order' }),
    pending: Type.Integer({ description: 'records due for this tender and not issued yet (any reader)' }),
  },
  { additionalProperties: false },
)

const RecordPayloadSchema = Type.Object(
  {
    recordId: Type.String(),
    type: RecordTypeSchema,
    tenderId: Type.String(),
    recipientOrgId: Type.Union([Type.String(), Type.Null()]),
    certifiedEvent: Type.Object(
      { seq: Type.Integer(), hash: Type.String() },
      { additionalProperties: false },
    ),
    pdfSha256: Type.String(),
    issuedAt: Type.String(),
  },
  { additionalProperties: false, description: 'the signed JWS payload' },
)

export const RecordVerdictSchema = Type.Object(
  {
    valid: Type.Boolean(),
    verdict: Type.Union(
      RECORD_VERDICTS.map((verdict) => Type.Literal(verdict)),
      {
        description:
          'valid · signature_invalid (the JWS was altered or signed by another key) · hash_mismatch (the PDF ' +
          'is not the signed one) · unknown_key (no such kid in the JWKS) · revoked (the key is no longer ' +
          'trusted) · malformed · not_a_record',
      },
    ),
    detail: Type.String(),
    kid: Type.Union([Type.String(), Type.Null()]),
    pdfSha256: Type.String({ description: 'hex SHA-256 of the PDF that was checked' }),
    payload: Type.Union([RecordPayloadSchema, Type.Null()]),
  },
  { additionalProperties: false },
)

/** 8 MiB of JSON: a record is well under 1 MB, base64 adds a third. */
export const VERIFY_BODY_LIMIT = 8 * 1024 * 1024

export const VerifyRecordBody = Body(
  {
    pdfBase64: Type.String({
      minLength: 1,
      maxLength: 8_000_000,
      contentEncoding: 'base64',
      description: "the record's PDF bytes, base64 (standard alphabet, padded)",
      examples: ['JVBERi0xLjMKJf////8KOCAwIG9iago8PAovVHlwZSAvRXh0R1N0YXRlCi9jYSAxCj4+CmVuZG9iago…'],
    }),
    jws: Type.String({
      minLength: 1,
      maxLength: 16_384,
      description: 'the compact JWS that came with the record (<record-id>.jws)',
      examples: [
        'eyJhbGciOiJFZERTQSIsImtpZCI6InNpZy0yMDI2LTAzLTAyLTlmM2E2MWMyIiwidHlwIjoieW91eHVhbi1yZWNvcmQrandzIn0…',
      ],
    }),
  },
  { description: 'a record to verify: its PDF and its JWS, checked against the platform JWKS' },
)
