// The refusals a credit check can give a bid submission, as problem+json: 422 credit_refused names the
// finding (and a ban's end date); 503 credit_unavailable when the policy will not accept an incomplete check.
import { DomainError, RuleViolation } from '../shared/errors.ts'
import type { CreditFinding, CreditVerdict } from './credit-policy.ts'

const brief = (f: CreditFinding) => ({
  kind: f.kind,
  list: f.list,
  reference: f.reference,
  authority: f.authority,
  startsOn: f.startsOn,
  endsOn: f.endsOn,
  sourceId: f.sourceId,
  rule: f.rule,
  summary: f.summary,
})

export class CreditRefused extends RuleViolation {
  constructor(verdict: CreditVerdict, snapshotId: string) {
    const refusals = verdict.findings.filter((f) => f.kind !== 'unavailable' && f.consequence === 'refuse')
    super(
      `the tender's credit policy refuses this bidder at the cut-off ${verdict.cutoffAt}: ${refusals.map((f) => f.summary).join('; ')}`,
      { snapshotId, cutoffAt: verdict.cutoffAt, findings: refusals.map(brief) },
      'credit_refused',
    )
  }
}

/** The check could not be completed and the tender's policy does not accept a bid without it. */
export class CreditUnavailable extends DomainError {
  static readonly defaultCode = 'credit_unavailable'
  override readonly name = 'CreditUnavailable'
  readonly status = 503

  constructor(verdict: CreditVerdict, snapshotId: string) {
    const missing = verdict.findings.filter((f) => f.kind === 'unavailable')
    super(
      `the credit check could not be completed (${missing.map((f) => f.summary).join('; ')}) and the tender's policy requires it; try again later`,
      { snapshotId, cutoffAt: verdict.cutoffAt, findings: missing.map(brief) },
    )
  }
}
