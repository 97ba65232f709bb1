// The append-only audit log of reference-data changes.
import type { Generated } from 'kysely'
import type { Json, Timestamp } from './columns.ts'

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
