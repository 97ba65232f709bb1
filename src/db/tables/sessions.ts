// The web UI's sessions (src/sessions): the hash of the cookie's random id and who it signs in.
import type { Timestamp } from './columns.ts'

export interface SessionsTable {
  id_hash: string
  user_id: string
  org_id: string
  roles: string[]
  created_at: Timestamp
  expires_at: Timestamp
  revoked_at: Timestamp | null
}
