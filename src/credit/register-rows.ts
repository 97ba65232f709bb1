// The local credit register's rows (one finding each) and the report they make. Pure: the import and
// the local provider share these definitions.
import { CREDIT_LISTS, type CreditList, type CreditReport, type CreditSource } from './credit-report.ts'

/** What a register row records: a listing, an administrative penalty (行政处罚) or a rating (信用评价). */
export const REGISTER_KINDS = [...CREDIT_LISTS, 'penalty', 'rating'] as const
export type RegisterKind = (typeof REGISTER_KINDS)[number]

export interface RegisterRow {
  readonly kind: RegisterKind
  readonly reference: string
  readonly subjectName: string | null
  readonly authority: string | null
  readonly startsOn: string | null
  readonly endsOn: string | null
  readonly detail: string | null
  readonly grade: string | null
}

export const LOCAL_SOURCE: CreditSource = {
  id: 'local',
  kind: 'local',
  name: '本地信用库 (local credit register)',
}

const isList = (kind: RegisterKind): kind is CreditList => (CREDIT_LISTS as readonly string[]).includes(kind)

type Base = Pick<CreditReport, 'uscc' | 'at' | 'source' | 'queriedAt'>

/** The register's rows for one subject as a report; `rawSha256` hashes the rows exactly as read. */
export function reportFromRegister(
  base: Base,
  rows: readonly RegisterRow[],
  dataAsOf: string,
  rawSha256: string,
): CreditReport {
  const lists = rows
    .filter((row): row is RegisterRow & { kind: CreditList } => isList(row.kind))
    .map(({ kind, reference, authority, startsOn, endsOn, detail }) => ({
      list: kind,
      reference,
      authority,
      startsOn,
      endsOn,
      detail,
    }))
  const penalties = rows
    .filter((row) => row.kind === 'penalty')
    .map(({ reference, authority, startsOn, endsOn, detail }) => ({
      reference,
      authority,
      decidedOn: startsOn,
      endsOn,
      detail,
    }))
  const latestRating = rows
    .filter((row) => row.kind === 'rating' && row.grade !== null)
    .sort((a, b) => (b.startsOn ?? '').localeCompare(a.startsOn ?? ''))[0]
  return {
    ...base,
    status: 'ok',
    problem: null,
    subjectName: rows.find((row) => row.subjectName !== null)?.subjectName ?? null,
    lists,
    penalties,
    rating: latestRating
      ? { grade: latestRating.grade ?? '', authority: latestRating.authority, asOf: latestRating.startsOn }
      : null,
    rawSha256,
    dataAsOf,
  }
}
