// A credit snapshot: one lookup as the process used it (the combined report, the policy's verdict, who
// asked, when and why), hashed over its canonical JSON. Stored immutable and referenced by id from the
// event that used it; replay and records read snapshots, never providers. Pure.
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import type { CreditOutcome, CreditVerdict } from './credit-policy.ts'
import type { CombinedCreditReport } from './credit-report.ts'

export const SNAPSHOT_PURPOSES = ['bid_submission', 'opening', 'dossier', 'manual_query'] as const
export type SnapshotPurpose = (typeof SNAPSHOT_PURPOSES)[number]

export interface SnapshotRequest {
  readonly purpose: SnapshotPurpose
  readonly tenderId: string | null
  readonly bidId: string | null
  /** The user who caused the lookup (a bidder submitting, the operator opening …), null for the CLI. */
  readonly requestedBy: string | null
  readonly requesterOrgId: string | null
  readonly requestId: string | null
}

export interface CreditSnapshot extends SnapshotRequest {
  readonly id: string
  readonly uscc: string
  readonly queriedAt: string
  /** The moment the records were judged at. */
  readonly cutoffAt: string
  readonly complete: boolean
  readonly outcome: CreditOutcome | null
  readonly report: CombinedCreditReport
  readonly verdict: CreditVerdict | null
  /** Each answer's raw-response SHA-256, in answer order ('' where a source gave no response). */
  readonly rawSha256: readonly string[]
  readonly sha256: string
}

export function snapshotSha256(snapshot: Omit<CreditSnapshot, 'sha256'>): string {
  return sha256Hex(canonicalJson(snapshot))
}

export function makeSnapshot(
  id: string,
  request: SnapshotRequest,
  report: CombinedCreditReport,
  verdict: CreditVerdict | null,
  cutoffAt: string,
): CreditSnapshot {
  const unhashed: Omit<CreditSnapshot, 'sha256'> = {
    id,
    uscc: report.uscc,
    ...request,
    queriedAt: report.queriedAt,
    cutoffAt,
    complete: report.complete,
    outcome: verdict?.outcome ?? null,
    report,
    verdict,
    rawSha256: report.answers.map((answer) => answer.rawSha256 ?? ''),
  }
  return { ...unhashed, sha256: snapshotSha256(unhashed) }
}

/** Whether a stored snapshot still hashes to what it recorded. */
export function snapshotIntact(snapshot: CreditSnapshot): boolean {
  const { sha256, ...unhashed } = snapshot
  return snapshotSha256(unhashed) === sha256
}
