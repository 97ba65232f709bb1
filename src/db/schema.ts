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
  content: Json<Record<string, unknown>>
  content_hash: string
  /** int8 read back as a decimal string. */
  price_fen: ColumnType<string | null, string | null, string | null>
  submitted_at: Timestamp
  updated_at: Timestamp
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

export interface Database {
  organisations: OrganisationsTable
  users: UsersTable
  events: EventsTable
  tenders: TendersTable
  bids: BidsTable
  questions: QuestionsTable
  objections: ObjectionsTable
  outbox: OutboxTable
  audit_log: AuditLogTable
  issuer_keys: IssuerKeysTable
}
