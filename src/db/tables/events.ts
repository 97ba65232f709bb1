// The event store's table: every stream's hash-chained events (src/events is their one writer).
import type { Json, Timestamp } from './columns.ts'

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
