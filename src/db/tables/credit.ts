// Credit records, their imports, and the immutable credit snapshots events cite.
import type { ColumnType } from 'kysely'
import type { Json, Timestamp } from './columns.ts'

/** date columns: read them as text (`starts_on::text`); pg would turn a date into a local-time Date. */
type DateText = ColumnType<string | null, string | null, string | null>

export interface CreditImportsTable {
  id: string
  file_name: string
  file_sha256: string
  strict: boolean
  rows_total: number
  rows_bad: number
  inserted: number
  updated: number
  unchanged: number
  /** The user, or 'cli' for the command line. */
  imported_by: string | null
  imported_at: Timestamp
}

export interface CreditRecordsTable {
  uscc: string
  kind:
    | 'seriousDishonesty'
    | 'judgmentDefaulter'
    | 'majorTaxViolation'
    | 'gpSeriousViolation'
    | 'biddingBan'
    | 'penalty'
    | 'rating'
  /** The decision's or listing's reference (文号); with uscc and kind, the natural key. */
  reference: string
  subject_name: string | null
  authority: string | null
  starts_on: DateText
  /** Inclusive last day (a ban's end date); null while open-ended. */
  ends_on: DateText
  detail: string | null
  grade: string | null
  /** The import that last changed the row (a re-import of the same content changes nothing). */
  import_id: string
  imported_at: Timestamp
}

/** Immutable (a trigger refuses UPDATE, DELETE and TRUNCATE): the evidence events reference by id. */
export interface CreditSnapshotsTable {
  id: string
  uscc: string
  purpose: 'bid_submission' | 'opening' | 'dossier' | 'manual_query'
  tender_id: string | null
  bid_id: string | null
  requested_by: string | null
  requester_org_id: string | null
  request_id: string | null
  queried_at: Timestamp
  /** The moment the records were judged at (the tender's cut-off, or the time asked about). */
  cutoff_at: Timestamp
  complete: boolean
  outcome: 'clear' | 'flag' | 'refuse' | 'unavailable' | null
  report: Json<Record<string, unknown>>
  verdict: ColumnType<Record<string, unknown> | null, string | null, string | null>
  raw_sha256: string[]
  /** SHA-256 of the snapshot's canonical JSON (everything above but this column). */
  sha256: string
}
