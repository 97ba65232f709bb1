// The database as Kysely sees it: every capability's tables (one file each under tables/), composed
// into one interface. Row types stay inside repositories; services speak domain types.
import type { AuditLogTable } from './tables/audit-log.ts'
import type { IssuerKeysTable } from './tables/auth.ts'
import type {
  BidReceiptsTable,
  BidsTable,
  IdempotencyKeysTable,
  ObjectionsTable,
  QuestionsTable,
} from './tables/bidding.ts'
import type { CreditImportsTable, CreditRecordsTable, CreditSnapshotsTable } from './tables/credit.ts'
import type { EventsTable } from './tables/events.ts'
import type { SigningKeysTable, TenderKeysTable } from './tables/keys.ts'
import type { OrganisationsTable, UsersTable } from './tables/organisations.ts'
import type { OutboxTable, RecordsTable } from './tables/records.ts'
import type { SessionsTable } from './tables/sessions.ts'
import type { TendersTable } from './tables/tenders.ts'
import type { TimersTable } from './tables/timers.ts'

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
  sessions: SessionsTable
}
