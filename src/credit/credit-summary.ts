// What the evaluation and award committees see of a credit snapshot: the outcome under the tender's
// policy, each finding, and each source's status (an unavailable source is shown as such). Pure and
// deterministic, so the frozen dossiers' hash covers it.
import type { CreditOutcome } from './credit-policy.ts'
import type { LookupStatus } from './credit-report.ts'
import type { CreditSnapshot } from './credit-snapshot.ts'

export interface CreditSummary {
  readonly snapshotId: string
  readonly snapshotSha256: string
  readonly outcome: CreditOutcome | null
  readonly complete: boolean
  /** The moment the records were judged at (the cut-off, or the dossiers' freeze). */
  readonly judgedAt: string
  readonly queriedAt: string
  readonly sources: readonly {
    readonly id: string
    readonly name: string
    readonly status: LookupStatus
    readonly problem: string | null
  }[]
  readonly findings: readonly {
    readonly kind: 'list' | 'penalty' | 'unavailable'
    readonly consequence: 'refuse' | 'flag'
    readonly list: string | null
    readonly reference: string | null
    readonly endsOn: string | null
    readonly summary: string
  }[]
}

export function creditSummaryOf(snapshot: CreditSnapshot): CreditSummary {
  return {
    snapshotId: snapshot.id,
    snapshotSha256: snapshot.sha256,
    outcome: snapshot.outcome,
    complete: snapshot.complete,
    judgedAt: snapshot.cutoffAt,
    queriedAt: snapshot.queriedAt,
    sources: snapshot.report.answers.map((a) => ({
      id: a.source.id,
      name: a.source.name,
      status: a.status,
      problem: a.problem,
    })),
    findings: (snapshot.verdict?.findings ?? []).map((f) => ({
      kind: f.kind,
      consequence: f.consequence,
      list: f.list,
      reference: f.reference,
      endsOn: f.endsOn,
      summary: f.summary,
    })),
  }
}

/** The snapshot ids an event recorded per bid (`creditSnapshotIds`), or none. */
export function snapshotIdsOf(data: Record<string, unknown> | undefined): Record<string, string> {
  const ids = data?.creditSnapshotIds
  if (typeof ids !== 'object' || ids === null || Array.isArray(ids)) return {}
  return Object.fromEntries(
    Object.entries(ids as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  )
}
