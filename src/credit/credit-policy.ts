// The rule pack's credit policy applied to a combined report at the tender's cut-off: which findings
// refuse a bid, which flag it for the committees, and what an incomplete check means. Pure.
import type {
  CitedRule,
  CreditConsequence,
  CreditList,
  CreditPolicy,
} from '../../state-machines/rule-pack.ts'
import {
  type CombinedCreditReport,
  CREDIT_LIST_NAMES,
  type CreditReport,
  inForceOn,
  type LookupStatus,
  shanghaiDate,
} from './credit-report.ts'

export type CreditOutcome = 'clear' | 'flag' | 'refuse' | 'unavailable'

export interface CreditFinding {
  readonly kind: 'list' | 'penalty' | 'unavailable'
  readonly consequence: CreditConsequence
  readonly sourceId: string
  readonly status: LookupStatus
  readonly list: CreditList | null
  readonly reference: string | null
  readonly authority: string | null
  readonly startsOn: string | null
  readonly endsOn: string | null
  /** The policy rule that gave the consequence, with its citation. */
  readonly rule: string
  readonly summary: string
}

export interface CreditVerdict {
  /** refuse > unavailable > flag > clear: an incomplete check is never clear. */
  readonly outcome: CreditOutcome
  /** Whether a submission is refused: a refusing finding, or an incomplete check under a refusing policy. */
  readonly blocks: boolean
  readonly cutoffAt: string
  /** The cut-off's calendar day in Asia/Shanghai, the day listings are judged on. */
  readonly cutoffDate: string
  readonly complete: boolean
  readonly findings: readonly CreditFinding[]
}

const shown = (source: string): CitedRule<'flag'> => ({ value: 'flag', source, confidence: 'U' })
const DESCRIPTIVE = 'No credit policy applies (a manual query, or a pack published before credit policies)'

/** Findings listed, nothing refused: for manual queries and tenders whose pack has no credit policy. */
export const DESCRIPTIVE_CREDIT_POLICY: CreditPolicy = {
  lists: {
    seriousDishonesty: shown(DESCRIPTIVE),
    judgmentDefaulter: shown(DESCRIPTIVE),
    majorTaxViolation: shown(DESCRIPTIVE),
    gpSeriousViolation: shown(DESCRIPTIVE),
    biddingBan: shown(DESCRIPTIVE),
  },
  penalties: shown(DESCRIPTIVE),
  penaltyYears: { value: 3, source: `${DESCRIPTIVE}: the last 3 years shown`, confidence: 'U' },
  unavailable: shown(DESCRIPTIVE),
  cutoff: { value: 'submission', source: DESCRIPTIVE, confidence: 'U' },
}

/** The moment whose records count: the bid deadline, or the submission itself, as the policy declares. */
export function creditCutoff(policy: CreditPolicy, deadline: string | null, submittedAt: string): string {
  return policy.cutoff.value === 'bidDeadline' && deadline !== null ? deadline : submittedAt
}

const rule = (what: string, cited: CitedRule<string>) => `${what}: ${cited.value} (${cited.source})`

function yearsBefore(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`
}

function answerFindings(answer: CreditReport, policy: CreditPolicy, day: string): CreditFinding[] {
  const base = { sourceId: answer.source.id, status: answer.status }
  if (answer.status !== 'ok') {
    return [
      {
        ...base,
        kind: 'unavailable',
        consequence: policy.unavailable.value,
        list: null,
        reference: null,
        authority: null,
        startsOn: null,
        endsOn: null,
        rule: rule('incomplete check', policy.unavailable),
        summary: `${answer.source.name}: ${answer.status} (${answer.problem ?? 'no answer'}); not a clean record`,
      },
    ]
  }
  const hits = answer.lists
    .filter((hit) => inForceOn(hit, day))
    .map((hit): CreditFinding => {
      const cited = policy.lists[hit.list]
      const until = hit.endsOn ? ` until ${hit.endsOn}` : ''
      return {
        ...base,
        kind: 'list',
        consequence: cited.value,
        list: hit.list,
        reference: hit.reference,
        authority: hit.authority,
        startsOn: hit.startsOn,
        endsOn: hit.endsOn,
        rule: rule(hit.list, cited),
        summary: `${CREDIT_LIST_NAMES[hit.list]}${until} (${hit.reference}${hit.authority ? `, ${hit.authority}` : ''})`,
      }
    })
  const since = yearsBefore(day, policy.penaltyYears.value)
  const penalties = answer.penalties
    .filter(
      (p) =>
        p.decidedOn === null || (p.decidedOn <= day && (p.decidedOn >= since || (p.endsOn ?? '') >= day)),
    )
    .map(
      (p): CreditFinding => ({
        ...base,
        kind: 'penalty',
        consequence: policy.penalties.value,
        list: null,
        reference: p.reference,
        authority: p.authority,
        startsOn: p.decidedOn,
        endsOn: p.endsOn,
        rule: rule('administrative penalty', policy.penalties),
        summary: `行政处罚 ${p.decidedOn ?? '(undated)'} (${p.reference}${p.authority ? `, ${p.authority}` : ''})${p.detail ? `: ${p.detail}` : ''}`,
      }),
    )
  return [...hits, ...penalties]
}

function noSourceFinding(policy: CreditPolicy): CreditFinding {
  return {
    kind: 'unavailable',
    consequence: policy.unavailable.value,
    sourceId: 'none',
    status: 'unavailable',
    list: null,
    reference: null,
    authority: null,
    startsOn: null,
    endsOn: null,
    rule: rule('incomplete check', policy.unavailable),
    summary: 'no credit source is configured; not a clean record',
  }
}

/** Judges a combined report at the cut-off under the policy. */
export function judgeCredit(
  report: CombinedCreditReport,
  policy: CreditPolicy,
  cutoffAt: string,
): CreditVerdict {
  const day = shanghaiDate(cutoffAt)
  const findings = report.answers.flatMap((answer) => answerFindings(answer, policy, day))
  if (report.answers.length === 0) findings.push(noSourceFinding(policy))
  const refusesOnRecord = findings.some((f) => f.kind !== 'unavailable' && f.consequence === 'refuse')
  const incomplete = findings.some((f) => f.kind === 'unavailable')
  const outcome: CreditOutcome = refusesOnRecord
    ? 'refuse'
    : incomplete
      ? 'unavailable'
      : findings.length > 0
        ? 'flag'
        : 'clear'
  const blocks = refusesOnRecord || (incomplete && policy.unavailable.value === 'refuse')
  return { outcome, blocks, cutoffAt, cutoffDate: day, complete: report.complete, findings }
}
