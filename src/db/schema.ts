// Table types for Kysely. Row types stay inside repositories; services speak domain types.
import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T extends object> = JSONColumnType<T, string, string>

export interface OrganisationsTable {
  id: string
  uscc: string
  name: string
  name_en: string
  kind: 'purchaser' | 'agent' | 'bidder' | 'platform' | 'supervisor'
  created_at: Timestamp
}

export interface UsersTable {
  id: string
  username: string
  display_name: string
  org_id: string
  roles: string[]
  specialty: string | null
  created_at: Timestamp
}

export interface EventsTable {
  stream_id: string
  seq: number
  type: string
  data: Json<Record<string, unknown>>
  meta: Json<Record<string, unknown>>
  recorded_at: Timestamp
  prev_hash: string
  hash: string
}

export interface TendersTable {
  id: string
  purchaser_org_id: string
  reference: string
  title: string
  state: string
  version: number
  deadline: Timestamp | null
  published_at: Timestamp | null
  snapshot: Json<Record<string, unknown>>
  created_at: Timestamp
  updated_at: Timestamp
}

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

export interface AuditLogTable {
  id: Generated<string>
  at: Timestamp
  actor_user_id: string | null
  actor_ip: string | null
  action: string
  entity: string
  entity_id: string
  before_hash: string | null
  after_hash: string | null
  details: Json<Record<string, unknown>>
}

export interface IssuerKeysTable {
  kid: string
  private_jwk: Json<Record<string, unknown>>
  public_jwk: Json<Record<string, unknown>>
  created_at: Timestamp
}

export interface SigningKeysTable {
  kid: string
  alg: string
  public_jwk: Json<Record<string, unknown>>
  /** The private JWK, wrapped by the KEK (AAD 'signing-key:' + kid); never stored in clear. */
  wrapped_private_jwk: string
  kek_fingerprint: string
  created_at: Timestamp
  retired_at: Timestamp | null
  /** Set when the key is no longer trusted (compromised): what it signed verifies as "revoked". */
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  revocation_reason: ColumnType<string | null, string | null | undefined, string | null>
}

export interface TenderKeysTable {
  tender_id: string
  kid: string
  alg: string
  enc: string
  public_jwk: Json<Record<string, unknown>>
  /** The private JWK, wrapped by the KEK (AAD 'tender-key:' + tender id); never stored in clear. */
  wrapped_private_jwk: string
  kek_fingerprint: string
  created_at: Timestamp
}

export interface TimersTable {
  id: string
  tender_id: string
  kind: 'close_bidding' | 'end_publicity'
  due_at: Timestamp
  status: 'pending' | 'done' | 'cancelled'
  attempts: Generated<number>
  last_error: string | null
  /** A worker's claim: nobody else fires the timer before this time (a crashed worker's claim lapses). */
  locked_until: Timestamp | null
  created_at: Timestamp
  fired_at: Timestamp | null
}

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

/** date columns: read them as text (`starts_on::text`); pg would turn a date into a local-time Date. */
type DateText = ColumnType<string | null, string | null, string | null>

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

export interface Database {
  organisations: OrganisationsTable
  users: UsersTable
  events: EventsTable
  tenders: TendersTable
  bids: BidsTable
  bid_receipts: BidReceiptsTable
  idempotency_keys: IdempotencyKeysTable
  questions: QuestionsTable
  objections: ObjectionsTable
  outbox: OutboxTable
  audit_log: AuditLogTable
  issuer_keys: IssuerKeysTable
  signing_keys: SigningKeysTable
  tender_keys: TenderKeysTable
  timers: TimersTable
  records: RecordsTable
  credit_imports: CreditImportsTable
  credit_records: CreditRecordsTable
  credit_snapshots: CreditSnapshotsTable
}
