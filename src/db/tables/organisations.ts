// The directory's tables: organisations and their users.
import type { Timestamp } from './columns.ts'

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
