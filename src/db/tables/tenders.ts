// The tenders projection: each tender's machine snapshot at its stream's version.
import type { Json, Timestamp } from './columns.ts'

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
