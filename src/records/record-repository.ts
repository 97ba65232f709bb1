// All SQL on signed records: storing one with its RECORD_ISSUED event on the tender's records stream,
// reading them back (metadata, or the exact bytes), the revoked keys, and the evidence replay checks.

import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import type { RecordType } from '../../templates/pdf/record-kinds.ts'
import type { Database } from '../db/schema.ts'
import type { RecordsTable } from '../db/tables/records.ts'
import { appendEvents, readStream, readStreamHead, type StoredEvent } from '../events/event-store.ts'
import { recordStreamId } from '../events/stream-ids.ts'
import { listPublicSigningKeys } from '../keys/signing-key-store.ts'
import { NotFound } from '../shared/errors.ts'
import type { RecordRequest } from './record-types.ts'
import type { SignedRecord } from './sign-record.ts'
import type { PublishedJwk } from './verify-record.ts'

export const RECORD_ISSUED = 'RECORD_ISSUED'

/** What the platform says about a stored record (everything but its bytes). */
export interface RecordMeta {
  readonly recordId: string
  readonly tenderId: string
  readonly type: RecordType
  readonly recipientOrgId: string | null
  readonly certifiedEvent: { readonly seq: number; readonly hash: string; readonly type: string }
  readonly issuedAt: string
  readonly pdfSha256: string
  readonly kid: string
  readonly issuanceSeq: number
}

export interface StoredRecord extends RecordMeta {
  readonly pdf: Buffer
  readonly jws: string
}

const META_COLUMNS = [
  'id',
  'tender_id',
  'type',
  'recipient_org_id',
  'certified_seq',
  'certified_hash',
  'certified_type',
  'issued_at',
  'pdf_sha256',
  'kid',
  'issuance_seq',
] as const

type MetaRow = Pick<Selectable<RecordsTable>, (typeof META_COLUMNS)[number]>

const metaOf = (row: MetaRow): RecordMeta => ({
  recordId: row.id,
  tenderId: row.tender_id,
  type: row.type as RecordType,
  recipientOrgId: row.recipient_org_id,
  certifiedEvent: { seq: row.certified_seq, hash: row.certified_hash, type: row.certified_type },
  issuedAt: new Date(row.issued_at).toISOString(),
  pdfSha256: row.pdf_sha256,
  kid: row.kid,
  issuanceSeq: row.issuance_seq,
})

/** PGlite gives a Uint8Array, pg a Buffer: callers always get a Buffer. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

export async function recordExists(db: Kysely<Database>, recordId: string): Promise<boolean> {
  const row = await db.selectFrom('records').select('id').where('id', '=', recordId).executeTakeFirst()
  return row !== undefined
}

/**
 * Stores the record and appends its RECORD_ISSUED event, inside the caller's transaction. The record id
 * is the primary key: a second insert of the same record fails instead of making a duplicate.
 */
export async function storeRecord(
  trx: Transaction<Database>,
  input: {
    recordId: string
    request: RecordRequest
    pdf: Uint8Array
    signed: SignedRecord
    at: Date
    meta: Record<string, unknown>
  },
): Promise<StoredEvent> {
  const { recordId, request, pdf, signed, at } = input
  const streamId = recordStreamId(request.tenderId)
  // One issuer at a time per tender: concurrent workers queue here instead of conflicting on the next seq.
  await sql`select pg_advisory_xact_lock(hashtext(${streamId}))`.execute(trx)
  const head = await readStreamHead(trx, streamId)
  const [issued] = await appendEvents(trx, streamId, head?.seq ?? 0, [
    {
      type: RECORD_ISSUED,
      data: {
        recordId,
        recordType: request.type,
        tenderId: request.tenderId,
        recipientOrgId: request.recipientOrgId,
        certifiedSeq: request.certified.seq,
        certifiedHash: request.certified.hash,
        pdfSha256: signed.payload.pdfSha256,
        kid: signed.kid,
      },
      meta: input.meta,
      recordedAt: at,
    },
  ])
  await trx
    .insertInto('records')
    .values({
      id: recordId,
      tender_id: request.tenderId,
      type: request.type,
      recipient_org_id: request.recipientOrgId,
      certified_stream_id: request.certified.streamId,
      certified_seq: request.certified.seq,
      certified_hash: request.certified.hash,
      certified_type: request.certified.type,
      issued_at: request.certified.recordedAt,
      pdf,
      pdf_sha256: signed.payload.pdfSha256,
      jws: signed.jws,
      kid: signed.kid,
      issuance_seq: issued!.seq,
      created_at: at,
    })
    .execute()
  return issued!
}

export async function findRecordMeta(db: Kysely<Database>, recordId: string): Promise<RecordMeta> {
  const row = await db
    .selectFrom('records')
    .select(META_COLUMNS)
    .where('id', '=', recordId)
    .executeTakeFirst()
  if (!row) throw new NotFound(`record ${recordId} does not exist`)
  return metaOf(row)
}

export async function findRecord(db: Kysely<Database>, recordId: string): Promise<StoredRecord> {
  const row = await db
    .selectFrom('records')
    .select([...META_COLUMNS, 'pdf', 'jws'])
    .where('id', '=', recordId)
    .executeTakeFirst()
  if (!row) throw new NotFound(`record ${recordId} does not exist`)
  return { ...metaOf(row), pdf: asBuffer(row.pdf), jws: row.jws }
}

/** A tender's records in the order of the events they certify. */
export async function listTenderRecords(db: Kysely<Database>, tenderId: string): Promise<RecordMeta[]> {
  const rows = await db
    .selectFrom('records')
    .select(META_COLUMNS)
    .where('tender_id', '=', tenderId)
    .orderBy('certified_seq')
    .orderBy('issuance_seq')
    .execute()
  return rows.map(metaOf)
}

export async function revokedKids(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('signing_keys').select('kid').where('revoked_at', 'is not', null).execute()
  return new Set(rows.map((row) => row.kid))
}

export async function isKeyRevoked(db: Kysely<Database>, kid: string): Promise<boolean> {
  const row = await db
    .selectFrom('signing_keys')
    .select('kid')
    .where('kid', '=', kid)
    .where('revoked_at', 'is not', null)
    .executeTakeFirst()
  return row !== undefined
}

/** Everything replay needs to check a tender's records: the records, their stream, the keys. */
export interface RecordEvidence {
  readonly records: readonly StoredRecord[]
  readonly issuanceEvents: readonly StoredEvent[]
  readonly jwks: { readonly keys: readonly PublishedJwk[] }
  readonly revokedKids: ReadonlySet<string>
}

export async function readRecordEvidence(db: Kysely<Database>, tenderId: string): Promise<RecordEvidence> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rows = await trx
        .selectFrom('records')
        .select([...META_COLUMNS, 'pdf', 'jws'])
        .where('tender_id', '=', tenderId)
        .orderBy('issuance_seq')
        .execute()
      const issuanceEvents = await readStream(trx, recordStreamId(tenderId))
      const keys = (await listPublicSigningKeys(trx)) as PublishedJwk[]
      return {
        records: rows.map((row) => ({ ...metaOf(row), pdf: asBuffer(row.pdf), jws: row.jws })),
        issuanceEvents,
        jwks: { keys },
        revokedKids: await revokedKids(trx),
      }
    })
}
