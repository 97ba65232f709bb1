// All SQL on credit snapshots: insert (never update: a trigger refuses it) and read back.
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { CreditSnapshotsTable } from '../db/tables/credit.ts'
import type { CreditVerdict } from './credit-policy.ts'
import type { CombinedCreditReport } from './credit-report.ts'
import type { CreditSnapshot } from './credit-snapshot.ts'

type Row = Selectable<CreditSnapshotsTable>

const iso = (value: Date | string) => new Date(value).toISOString()

/** A snapshot as its table row (JSON columns as values: the caller serialises). */
export function snapshotRow(s: CreditSnapshot) {
  return {
    id: s.id,
    uscc: s.uscc,
    purpose: s.purpose,
    tender_id: s.tenderId,
    bid_id: s.bidId,
    requested_by: s.requestedBy,
    requester_org_id: s.requesterOrgId,
    request_id: s.requestId,
    queried_at: s.queriedAt,
    cutoff_at: s.cutoffAt,
    complete: s.complete,
    outcome: s.outcome,
    report: s.report,
    verdict: s.verdict,
    raw_sha256: [...s.rawSha256],
    sha256: s.sha256,
  }
}

export async function insertSnapshots(
  db: Kysely<Database>,
  snapshots: readonly CreditSnapshot[],
): Promise<void> {
  if (snapshots.length === 0) return
  await db
    .insertInto('credit_snapshots')
    .values(
      snapshots.map((s) => {
        const row = snapshotRow(s)
        return {
          ...row,
          report: JSON.stringify(row.report),
          verdict: row.verdict === null ? null : JSON.stringify(row.verdict),
        }
      }),
    )
    .execute()
}

function fromRow(row: Row): CreditSnapshot {
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T
  return {
    id: row.id,
    uscc: row.uscc,
    purpose: row.purpose,
    tenderId: row.tender_id,
    bidId: row.bid_id,
    requestedBy: row.requested_by,
    requesterOrgId: row.requester_org_id,
    requestId: row.request_id,
    queriedAt: iso(row.queried_at),
    cutoffAt: iso(row.cutoff_at),
    complete: row.complete,
    outcome: row.outcome,
    report: parse<CombinedCreditReport>(row.report),
    verdict: row.verdict === null ? null : parse<CreditVerdict>(row.verdict),
    rawSha256: row.raw_sha256,
    sha256: row.sha256,
  }
}

export async function findSnapshot(db: Kysely<Database>, id: string): Promise<CreditSnapshot | undefined> {
  const row = await db.selectFrom('credit_snapshots').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? fromRow(row) : undefined
}

/** The snapshots with these ids, by id (ids not found are simply absent). */
export async function findSnapshots(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, CreditSnapshot>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('credit_snapshots')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((row) => [row.id, fromRow(row)]))
}

/** A tender's snapshots, oldest first. */
export async function listTenderSnapshots(db: Kysely<Database>, tenderId: string): Promise<CreditSnapshot[]> {
  const rows = await db
    .selectFrom('credit_snapshots')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('queried_at')
    .orderBy('id')
    .execute()
  return rows.map(fromRow)
}
