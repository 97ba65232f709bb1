// The normalised credit report every provider returns (DESIGN §7), and the combination of several
// providers' answers, each keeping its source. Pure.
import { CREDIT_LISTS, type CreditList } from '../../state-machines/rule-pack.ts'

export { CREDIT_LISTS, type CreditList }

/** The lists' names as their holders publish them. */
export const CREDIT_LIST_NAMES: Readonly<Record<CreditList, string>> = {
  seriousDishonesty: '严重失信主体名单',
  judgmentDefaulter: '失信被执行人',
  majorTaxViolation: '重大税收违法失信主体',
  gpSeriousViolation: '政府采购严重违法失信行为记录名单',
  biddingBan: '禁止投标（招标投标法实施条例第67–68条）',
}

/** How a lookup went: only 'ok' is an answer; every other status is recorded and shown as such. */
export const LOOKUP_STATUSES = ['ok', 'unavailable', 'timed_out', 'malformed', 'circuit_open'] as const
export type LookupStatus = (typeof LOOKUP_STATUSES)[number]

/** A listing of the subject; dates are calendar days (YYYY-MM-DD, Asia/Shanghai), the end inclusive. */
export interface ListHit {
  readonly list: CreditList
  readonly reference: string
  readonly authority: string | null
  readonly startsOn: string | null
  readonly endsOn: string | null
  readonly detail: string | null
}

/** An administrative penalty (行政处罚). */
export interface Penalty {
  readonly reference: string
  readonly authority: string | null
  readonly decidedOn: string | null
  readonly endsOn: string | null
  readonly detail: string | null
}

export interface CreditRating {
  readonly grade: string
  readonly authority: string | null
  readonly asOf: string | null
}

export interface CreditSource {
  readonly id: string
  readonly kind: 'local' | 'http'
  readonly name: string
}

/** One provider's answer about one subject. */
export interface CreditReport {
  readonly uscc: string
  /** The moment asked about (UTC ISO-8601). */
  readonly at: string
  readonly source: CreditSource
  readonly queriedAt: string
  readonly status: LookupStatus
  /** Why the status is not 'ok' (never the response body, which may hold anything). */
  readonly problem: string | null
  readonly subjectName: string | null
  readonly lists: readonly ListHit[]
  readonly penalties: readonly Penalty[]
  readonly rating: CreditRating | null
  /** SHA-256 (hex) of the raw response, when there was one. */
  readonly rawSha256: string | null
  /** How fresh the source's data is, when it says (the local register: its last import). */
  readonly dataAsOf: string | null
}

/** Every provider's answer; complete only when each one answered. */
export interface CombinedCreditReport {
  readonly uscc: string
  readonly at: string
  readonly queriedAt: string
  readonly complete: boolean
  readonly answers: readonly CreditReport[]
}

type ReportBase = Pick<CreditReport, 'uscc' | 'at' | 'source' | 'queriedAt'>

/** A lookup that gave no answer: it names no hits because it knows none, and says so. */
export function failedReport(
  base: ReportBase,
  status: Exclude<LookupStatus, 'ok'>,
  problem: string,
  rawSha256: string | null = null,
): CreditReport {
  return {
    ...base,
    status,
    problem,
    subjectName: null,
    lists: [],
    penalties: [],
    rating: null,
    rawSha256,
    dataAsOf: null,
  }
}

export function combineReports(
  uscc: string,
  at: string,
  queriedAt: string,
  answers: readonly CreditReport[],
): CombinedCreditReport {
  const complete = answers.length > 0 && answers.every((answer) => answer.status === 'ok')
  return { uscc, at, queriedAt, complete, answers }
}

/** The calendar day of an instant in Asia/Shanghai (UTC+8, no daylight saving): credit dates are days. */
export function shanghaiDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** Whether a dated listing is in force on `day` (YYYY-MM-DD): started, and not past its last day. */
export function inForceOn(entry: { startsOn: string | null; endsOn: string | null }, day: string): boolean {
  return (entry.startsOn === null || entry.startsOn <= day) && (entry.endsOn === null || day <= entry.endsOn)
}
