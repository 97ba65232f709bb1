// Record routes: a tender's signed records, each record's exact PDF and JWS, and verification of a
// stored record or of an uploaded PDF + JWS against the platform JWKS (public, 200 with a verdict).

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { verificationHint } from '../../templates/pdf/record-kinds.ts'
import type { Database } from '../db/schema.ts'
import { ProblemRef, problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { InvalidInput } from '../shared/errors.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { authorizeRecordReader, maySeeRecord } from './record-access.ts'
import {
  findRecord,
  findRecordMeta,
  listTenderRecords,
  type RecordMeta,
  revokedKids,
} from './record-repository.ts'
import {
  RecordIdParams,
  RecordList,
  RecordSummary,
  RecordVerdictSchema,
  VERIFY_BODY_LIMIT,
  VerifyRecordBody,
} from './records.schemas.ts'
import { pendingRecordJobs } from './records-outbox.ts'
import { type PublishedJwk, verifyRecord } from './verify-record.ts'

export interface RecordRouteDeps {
  readonly db: Kysely<Database>
  readonly keys: PlatformKeys
}

const summary = (meta: RecordMeta) => ({
  ...meta,
  links: {
    pdf: `/api/v1/records/${meta.recordId}/pdf`,
    jws: `/api/v1/records/${meta.recordId}/jws`,
    verify: verificationHint(meta.recordId).path,
  },
})

const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function decodePdf(base64: string): Buffer {
  if (base64.length % 4 !== 0 || !STANDARD_BASE64.test(base64))
    throw new InvalidInput('pdfBase64 is not base64 (standard alphabet, padded)', {}, 'validation_failed')
  return Buffer.from(base64, 'base64')
}

/** A token is optional: public records need none, restricted ones need the reader's. */
const optionalBearer: { [label: string]: string[] }[] = [{}, { bearerAuth: [] }]

export async function recordsRoutes(app: FastifyInstance, deps: RecordRouteDeps): Promise<void> {
  /** The record's metadata and its tender, after the reader check. */
  const readable = async (request: FastifyRequest) => {
    const { recordId } = request.params as { recordId: string }
    const meta = await findRecordMeta(deps.db, recordId)
    const tender = await findTender(deps.db, meta.tenderId)
    authorizeRecordReader(tender, request.actor, meta)
    return meta
  }
  const currentKeys = async () => ({
    jwks: (await deps.keys.jwks()) as { keys: PublishedJwk[] },
    revokedKids: await revokedKids(deps.db),
  })

  app.get(
    '/api/v1/tenders/:id/records',
    {
      schema: {
        operationId: 'listTenderRecords',
        tags: ['records'],
        summary: "The tender's signed records open to the caller (public ones without a token)",
        security: optionalBearer,
        params: TenderIdParams,
        response: { 200: RecordList, ...problemResponses(404) },
      },
    },
    async (request) => {
      const tender = await findTender(deps.db, (request.params as { id: string }).id)
      assertVisible(tender, request.actor)
      const records = await listTenderRecords(deps.db, tender.id)
      const pending = await pendingRecordJobs(deps.db, tender.id)
      return {
        tenderId: tender.id,
        items: records.filter((meta) => maySeeRecord(tender, request.actor, meta)).map(summary),
        pending: pending.length,
      }
    },
  )

  app.get(
    '/api/v1/records/:recordId',
    {
      schema: {
        operationId: 'getRecord',
        tags: ['records'],
        summary: "A signed record's metadata: type, certified event, PDF hash, signing key",
        security: optionalBearer,
        params: RecordIdParams,
        response: { 200: RecordSummary, ...problemResponses(404) },
      },
    },
    async (request) => summary(await readable(request)),
  )

  app.get(
    '/api/v1/records/:recordId/pdf',
    {
      schema: {
        operationId: 'getRecordPdf',
        tags: ['records'],
        summary: "The record's exact PDF bytes, as signed (never re-rendered)",
        security: optionalBearer,
        params: RecordIdParams,
        response: {
          200: {
            description: 'the PDF; its SHA-256 is pdfSha256 in the JWS payload',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const meta = await readable(request)
      const record = await findRecord(deps.db, meta.recordId)
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${record.recordId}.pdf"`)
        .header('etag', `"${record.pdfSha256}"`)
        .send(record.pdf)
    },
  )

  app.get(
    '/api/v1/records/:recordId/jws',
    {
      schema: {
        operationId: 'getRecordJws',
        tags: ['records'],
        summary: "The record's compact JWS (typ youxuan-record+jws), verifiable with the public JWKS",
        security: optionalBearer,
        params: RecordIdParams,
        response: {
          200: {
            description: 'the compact JWS (RFC 7515)',
            content: { 'application/jose': { schema: Type.String() } },
          },
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const meta = await readable(request)
      const record = await findRecord(deps.db, meta.recordId)
      return reply
        .type('application/jose')
        .header('content-disposition', `attachment; filename="${record.recordId}.jws"`)
        .send(record.jws)
    },
  )

  app.get(
    '/api/v1/records/:recordId/verify',
    {
      schema: {
        operationId: 'verifyStoredRecord',
        tags: ['records'],
        summary: 'Verify a stored record (its PDF and JWS) against the platform JWKS (public)',
        params: RecordIdParams,
        response: { 200: RecordVerdictSchema, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => {
      const record = await findRecord(deps.db, (request.params as { recordId: string }).recordId)
      const { jwks, revokedKids } = await currentKeys()
      return verifyRecord(record.pdf, record.jws, jwks, { revokedKids })
    },
  )

  app.post(
    '/api/v1/records/verify',
    {
      bodyLimit: VERIFY_BODY_LIMIT,
      schema: {
        operationId: 'verifyRecord',
        tags: ['records'],
        summary:
          'Verify an uploaded record (PDF + JWS) against the platform JWKS (public; 200 with a verdict)',
        body: VerifyRecordBody,
        response: { 200: RecordVerdictSchema, 400: ProblemRef, 413: ProblemRef },
      },
    },
    async (request) => {
      const body = request.body as { pdfBase64: string; jws: string }
      const pdf = decodePdf(body.pdfBase64)
      const { jwks, revokedKids } = await currentKeys()
      return verifyRecord(pdf, body.jws, jwks, { revokedKids })
    },
  )
}
