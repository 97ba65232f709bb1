// The signed records and the outbox that has them made.
import type { ColumnType, Generated } from 'kysely'
import type { Json, Timestamp } from './columns.ts'

export interface OutboxTable {
  id: Generated<string>
  stream_id: string
  seq: number
  kind: string
  payload: Json<Record<string, unknown>>
  created_at: Timestamp
  done_at: Timestamp | null
  /** A worker's claim: nobody else takes the row before this time (a crashed worker's claim lapses). */
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  attempts: Generated<number>
  last_error: ColumnType<string | null, string | null | undefined, string | null>
}

/** A signed record: its exact PDF bytes and JWS, never re-rendered, never changed (append-only). */
export interface RecordsTable {
  id: string
  tender_id: string
  type: string
  recipient_org_id: string | null
  certified_stream_id: string
  certified_seq: number
  certified_hash: string
  certified_type: string
  /** The certified event's time: the record's only date. */
  issued_at: Timestamp
  pdf: ColumnType<Uint8Array, Uint8Array, never>
  pdf_sha256: string
  jws: string
  kid: string
  /** Its RECORD_ISSUED event's seq in the tender's records stream. */
  issuance_seq: number
  created_at: Timestamp
}
