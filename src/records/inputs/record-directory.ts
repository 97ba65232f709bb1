// The reference data a record names beside the events: organisations (name, USCC), users (display
// names) and the bid rows opening filled in (reason, ciphertext hash, submission time).
import type { Kysely } from 'kysely'
import type { CreditSnapshotSummary, Party, Person } from '../../../templates/pdf/record-input.ts'
import { findSnapshots } from '../../credit/snapshot-repository.ts'
import type { Database } from '../../db/schema.ts'

export interface BidFacts {
  readonly openingReason: string | null
  readonly ciphertextSha256: string | null
  readonly submittedAt: string | null
}

export interface RecordDirectory {
  party(orgId: string): Party
  person(userId: string): Person
  bid(bidId: string): BidFacts | undefined
  creditSnapshot(snapshotId: string): CreditSnapshotSummary | undefined
}

export async function loadRecordDirectory(
  db: Kysely<Database>,
  tenderId: string,
  orgIds: readonly string[],
  userIds: readonly string[],
  snapshotIds: readonly string[] = [],
): Promise<RecordDirectory> {
  const orgs = orgIds.length
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name', 'uscc'])
        .where('id', 'in', [...orgIds])
        .execute()
    : []
  const users = userIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...userIds])
        .execute()
    : []
  const bids = await db
    .selectFrom('bids')
    .select(['id', 'opening_reason', 'ciphertext_sha256', 'submitted_at'])
    .where('tender_id', '=', tenderId)
    .execute()
  const snapshots = await findSnapshots(db, snapshotIds)
  return directoryOf(
    orgs,
    users.map((u) => ({ id: u.id, name: u.display_name })),
    bids.map((b) => ({
      id: b.id,
      openingReason: b.opening_reason,
      ciphertextSha256: b.ciphertext_sha256,
      submittedAt: new Date(b.submitted_at).toISOString(),
    })),
    [...snapshots.values()].map((snapshot) => ({
      id: snapshot.id,
      uscc: snapshot.uscc,
      purpose: snapshot.purpose,
      outcome: snapshot.outcome,
      complete: snapshot.complete,
      queriedAt: snapshot.queriedAt,
      judgedAt: snapshot.cutoffAt,
      sha256: snapshot.sha256,
      findings: (snapshot.verdict?.findings ?? []).map((f) => ({
        consequence: f.consequence,
        summary: f.summary,
      })),
      unavailableSources: snapshot.report.answers.filter((a) => a.status !== 'ok').map((a) => a.source.name),
    })),
  )
}

/** A directory over rows already read (tests and the benchmark build one directly). */
export function directoryOf(
  orgs: readonly { id: string; name: string; uscc: string }[],
  users: readonly { id: string; name: string }[],
  bids: readonly ({ id: string } & BidFacts)[] = [],
  snapshots: readonly ({ id: string } & CreditSnapshotSummary)[] = [],
): RecordDirectory {
  const orgMap = new Map(orgs.map((o) => [o.id, o]))
  const userMap = new Map(users.map((u) => [u.id, u.name]))
  const bidMap = new Map(bids.map((b) => [b.id, b]))
  const snapshotMap = new Map(snapshots.map(({ id, ...summary }) => [id, summary]))
  return {
    party: (orgId) => ({
      orgId,
      name: orgMap.get(orgId)?.name ?? null,
      uscc: orgMap.get(orgId)?.uscc ?? null,
    }),
    person: (userId) => ({ userId, name: userMap.get(userId) ?? null }),
    bid: (bidId) => bidMap.get(bidId),
    creditSnapshot: (snapshotId) => snapshotMap.get(snapshotId),
  }
}
