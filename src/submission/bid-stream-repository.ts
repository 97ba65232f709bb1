// Finds and reads a tender's bid streams for verification. A stream counts as the tender's when its
// BID_SUBMITTED names the tender (hashed, so it cannot be moved unseen) or the bids row does (so a row
// whose stream is gone shows up as an empty stream).

import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { readStream, type StoredEvent } from '../events/event-store.ts'
import { bidStreamId } from '../events/stream-ids.ts'
import { BID_SUBMITTED } from './bid-command.ts'

export interface BidStream {
  readonly streamId: string
  readonly events: readonly StoredEvent[]
}

async function bidStreamIdsOf(db: Kysely<Database>, tenderId: string): Promise<string[]> {
  const submitted = await db
    .selectFrom('events')
    .select('stream_id')
    .where('type', '=', BID_SUBMITTED)
    .where(sql<string>`data->>'tenderId'`, '=', tenderId)
    .execute()
  const rows = await db.selectFrom('bids').select('id').where('tender_id', '=', tenderId).execute()
  const ids = new Set([...submitted.map((row) => row.stream_id), ...rows.map((row) => bidStreamId(row.id))])
  return [...ids].sort()
}

/** Every bid stream of the tender, in stream id order; call it inside the caller's snapshot. */
export async function readBidStreamsOf(db: Kysely<Database>, tenderId: string): Promise<BidStream[]> {
  const streamIds = await bidStreamIdsOf(db, tenderId)
  const streams: BidStream[] = []
  for (const streamId of streamIds) streams.push({ streamId, events: await readStream(db, streamId) })
  return streams
}
