// The credit evidence a stream's events reference (creditSnapshotId, creditSnapshotIds): each snapshot
// read back and re-hashed, so replay and records can show which lookups a decision rested on and that
// none has gone missing or changed. Snapshots only: no provider is asked.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { StoredEvent } from '../events/event-store.ts'
import { type CreditSnapshot, snapshotIntact } from './credit-snapshot.ts'
import { snapshotIdsOf } from './credit-summary.ts'
import { findSnapshots } from './snapshot-repository.ts'

export interface CreditEvidence {
  readonly ok: boolean
  /** Every referenced snapshot found, in the order the events name them. */
  readonly snapshots: readonly (CreditSnapshot & { readonly referencedBySeq: number })[]
  readonly missing: readonly string[]
  /** Snapshots that no longer hash to their recorded SHA-256. */
  readonly altered: readonly string[]
}

/** The snapshot ids an event's data references, in a stable order. */
export function referencedSnapshotIds(data: Record<string, unknown>): string[] {
  const single = typeof data.creditSnapshotId === 'string' ? [data.creditSnapshotId] : []
  return [...single, ...Object.values(snapshotIdsOf(data))]
}

export async function creditEvidence(
  db: Kysely<Database>,
  events: readonly StoredEvent[],
): Promise<CreditEvidence> {
  const references = events.flatMap((event) =>
    referencedSnapshotIds(event.data).map((id) => ({ id, seq: event.seq })),
  )
  const found = await findSnapshots(
    db,
    references.map((r) => r.id),
  )
  const missing = references.filter((r) => !found.has(r.id)).map((r) => r.id)
  const snapshots = references.flatMap((r) => {
    const snapshot = found.get(r.id)
    return snapshot ? [{ ...snapshot, referencedBySeq: r.seq }] : []
  })
  const altered = [...found.values()].filter((s) => !snapshotIntact(s)).map((s) => s.id)
  return { ok: missing.length === 0 && altered.length === 0, snapshots, missing, altered }
}
