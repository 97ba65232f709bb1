// The event store: append with an expected version onto a hash chain, and read streams back.
// Callers pass the transaction they opened; appends are never made outside one.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { EventsTable } from '../db/tables/events.ts'
import { Conflict } from '../shared/errors.ts'
import { type ChainedEvent, chainEvents, GENESIS_HEAD, type NewEvent, type StreamHead } from './hash-chain.ts'

export type { NewEvent }
export type StoredEvent = ChainedEvent

/** Appends events after `expectedVersion` (the seq of the stream's last event, 0 for a new stream). */
export async function appendEvents(
  trx: Transaction<Database>,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<StoredEvent[]> {
  // A new stream has no head to read: the primary key (stream_id, seq) refuses a concurrent duplicate.
  const head = expectedVersion === 0 ? GENESIS_HEAD : ((await readStreamHead(trx, streamId)) ?? GENESIS_HEAD)
  if (head.seq !== expectedVersion) {
    throw new Conflict(`stream ${streamId} is at version ${head.seq}, not ${expectedVersion}`, {
      currentVersion: head.seq,
    })
  }
  const stored = chainEvents(streamId, head, events)
  await insertOrConflict(trx, stored)
  return stored
}

async function insertOrConflict(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 0) return
  try {
    await trx
      .insertInto('events')
      .values(
        events.map((e) => ({
          stream_id: e.streamId,
          seq: e.seq,
          type: e.type,
          data: JSON.stringify(e.data),
          meta: JSON.stringify(e.meta),
          recorded_at: e.recordedAt,
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
      )
      .execute()
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new Conflict(`stream ${events[0]?.streamId} was appended to concurrently; retry`)
    }
    throw error
  }
}

/** A chained event held as a jsonb object (a StoredEvent's fields), as the events table's columns. */
const columnsOfJsonb = (e: string) =>
  `${e}->>'streamId', (${e}->>'seq')::int, ${e}->>'type', ${e}->'data', ${e}->'meta',
    (${e}->>'recordedAt')::timestamptz, ${e}->>'prevHash', ${e}->>'hash'`

/**
 * SQL inserting chained events (as chainEvents made them) held as jsonb in `column` of the rows `from`
 * selects: for a writer that appends in one statement with its other tables (bid acceptance).
 */
export function insertChainedEventsSql(sources: readonly { column: string; from: string }[]): string {
  const selects = sources.map(({ column, from }) => `select ${columnsOfJsonb(column)} from ${from}`)
  return `insert into events (stream_id, seq, type, data, meta, recorded_at, prev_hash, hash)
    ${selects.join('\n    union all\n    ')}`
}

/** The last event's seq and hash; under the caller's lock on the stream's owner it cannot move. */
export async function readStreamHead(
  db: Kysely<Database>,
  streamId: string,
): Promise<StreamHead | undefined> {
  return db
    .selectFrom('events')
    .select(['seq', 'hash'])
    .where('stream_id', '=', streamId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The hash of a stream's last event, or the genesis hash for an empty stream: a draw's public input. */
export async function streamHeadHash(db: Kysely<Database>, streamId: string): Promise<string> {
  return ((await readStreamHead(db, streamId)) ?? GENESIS_HEAD).hash
}

export async function readStream(db: Kysely<Database>, streamId: string): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', streamId)
    .orderBy('seq', 'asc')
    .execute()
  return rows.map(storedEvent)
}

/** The stream's events of these types only, in order: a read of one kind without the whole history. */
export async function readStreamOfTypes(
  db: Kysely<Database>,
  streamId: string,
  types: readonly string[],
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', streamId)
    .where('type', 'in', types)
    .orderBy('seq', 'asc')
    .execute()
  return rows.map(storedEvent)
}

function storedEvent(row: Selectable<EventsTable>): StoredEvent {
  return {
    streamId: row.stream_id,
    seq: row.seq,
    type: row.type,
    data: row.data,
    meta: row.meta,
    recordedAt: new Date(row.recorded_at).toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}
