// A record's signature: a compact JWS by the platform's signing key over what the record is (its id,
// type, tender, addressee), the event it certifies, and the SHA-256 of its exact PDF bytes. issuedAt is
// the certified event's time, so the same record signed again by the same key gives the same JWS.

import { createHash } from 'node:crypto'
import { RECORD_TYPES, type RecordType } from '../../templates/pdf/record-kinds.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import type { RecordRequest } from './record-types.ts'

export const RECORD_TYP = 'youxuan-record+jws'

export interface RecordPayload {
  recordId: string
  type: RecordType
  tenderId: string
  /** The addressee organisation of a notice; null for the other records. */
  recipientOrgId: string | null
  /** The event the record certifies: its seq in the tender's stream and its chain hash. */
  certifiedEvent: { seq: number; hash: string }
  /** Lower-case hex SHA-256 of the PDF's exact bytes. */
  pdfSha256: string
  /** The certified event's server time, UTC ISO-8601. */
  issuedAt: string
}

export interface SignedRecord {
  readonly payload: RecordPayload
  readonly jws: string
  readonly kid: string
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export function recordPayload(recordId: string, request: RecordRequest, pdf: Uint8Array): RecordPayload {
  // A fixed field order: the payload's bytes depend only on the record.
  return {
    recordId,
    type: request.type,
    tenderId: request.tenderId,
    recipientOrgId: request.recipientOrgId,
    certifiedEvent: { seq: request.certified.seq, hash: request.certified.hash },
    pdfSha256: sha256Hex(pdf),
    issuedAt: request.certified.recordedAt,
  }
}

export async function signRecord(
  keys: PlatformKeys,
  recordId: string,
  request: RecordRequest,
  pdf: Uint8Array,
): Promise<SignedRecord> {
  const payload = recordPayload(recordId, request, pdf)
  const jws = await keys.sign({ ...payload }, RECORD_TYP)
  const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }
  return { payload, jws, kid: header.kid }
}

const HEX64 = /^[0-9a-f]{64}$/

/** The payload's shape, checked after the signature: a signed object of another kind is not a record. */
export function asRecordPayload(value: unknown): RecordPayload | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const p = value as Record<string, unknown>
  const event = p.certifiedEvent as Record<string, unknown> | null | undefined
  if (typeof p.recordId !== 'string' || typeof p.tenderId !== 'string' || typeof p.issuedAt !== 'string')
    return null
  if (!RECORD_TYPES.includes(p.type as RecordType)) return null
  if (p.recipientOrgId !== null && typeof p.recipientOrgId !== 'string') return null
  if (typeof p.pdfSha256 !== 'string' || !HEX64.test(p.pdfSha256)) return null
  if (typeof event !== 'object' || event === null || !Number.isInteger(event.seq)) return null
  if (typeof event.hash !== 'string') return null
  return {
    recordId: p.recordId,
    type: p.type as RecordType,
    tenderId: p.tenderId,
    recipientOrgId: p.recipientOrgId,
    certifiedEvent: { seq: event.seq as number, hash: event.hash },
    pdfSha256: p.pdfSha256,
    issuedAt: p.issuedAt,
  }
}
