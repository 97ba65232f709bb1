// The durable timers (bid deadlines, publicity ends).
import type { Generated } from 'kysely'
import type { Timestamp } from './columns.ts'

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
