// Validating credit import records: every field of every row, with the line and a message saying what is
// wrong (a bad USCC names the position and the expected check character). Duplicates of a natural key
// (uscc, kind, reference) within one file are refused, pointing at the first. No I/O: a validator keeps
// only the keys of the file it reads.
import { CREDIT_LIST_NAMES, CREDIT_LISTS } from './credit-report.ts'
import type { RawRecord } from './import-parse.ts'
import { REGISTER_KINDS, type RegisterKind, type RegisterRow } from './register-rows.ts'
import { validateUscc } from './uscc.ts'

export interface RegisterRecord extends RegisterRow {
  readonly uscc: string
}

export interface BadRow {
  readonly line: number
  readonly problem: string
}

/** Column names and the aliases a file may use for them. */
const COLUMNS: Readonly<Record<string, keyof RegisterRecord>> = {
  uscc: 'uscc',
  kind: 'kind',
  reference: 'reference',
  name: 'subjectName',
  subjectname: 'subjectName',
  authority: 'authority',
  start: 'startsOn',
  startson: 'startsOn',
  decidedon: 'startsOn',
  end: 'endsOn',
  endson: 'endsOn',
  detail: 'detail',
  grade: 'grade',
}

const squash = (word: string) => word.toLowerCase().replace(/[\s_-]/g, '')

/** Memoised per distinct input: a 100,000-row file repeats the same few column names and kinds. */
function memo<T>(compute: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>()
  return (word) => {
    if (known.has(word)) return known.get(word) as T
    const value = compute(word)
    if (known.size < 10_000) known.set(word, value)
    return value
  }
}

/** Our ids (any case, snake or kebab), and the Chinese names. */
const KINDS: ReadonlyMap<string, RegisterKind> = new Map([
  ...REGISTER_KINDS.map((kind) => [squash(kind), kind] as const),
  ...CREDIT_LISTS.map((list) => [CREDIT_LIST_NAMES[list], list] as const),
  ['严重失信主体', 'seriousDishonesty'],
  ['政府采购严重违法失信', 'gpSeriousViolation'],
  ['禁止投标', 'biddingBan'],
  ['行政处罚', 'penalty'],
  ['信用评价', 'rating'],
  ['信用等级', 'rating'],
])

const columnOf = memo((name) => {
  const key = squash(name)
  return Object.hasOwn(COLUMNS, key) ? COLUMNS[key] : undefined
})
const kindOf = memo((word) => KINDS.get(squash(word)) ?? KINDS.get(word))

const LIMITS = { reference: 200, subjectName: 200, authority: 200, detail: 2000, grade: 20 } as const

class RowProblem extends Error {}

function textOf(value: unknown, column: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') throw new RowProblem(`${column}: must be text`)
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function limited(value: string | null, column: keyof typeof LIMITS): string | null {
  if (value !== null && value.length > LIMITS[column])
    throw new RowProblem(`${column}: at most ${LIMITS[column]} characters`)
  return value
}

function dateOf(value: string | null, column: string): string | null {
  if (value === null) return null
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new RowProblem(`${column}: "${value.slice(0, 30)}" is not a date (YYYY-MM-DD)`)
  const parsed = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw new RowProblem(`${column}: ${value} is not a calendar date`)
  return value
}

function usccOf(value: string | null): string {
  if (value === null) throw new RowProblem('uscc: missing')
  const verdict = validateUscc(value)
  if (verdict.valid) return value
  const where = verdict.position === null ? '' : ` position ${verdict.position}:`
  throw new RowProblem(`uscc "${value.slice(0, 30)}":${where} ${verdict.reason}`)
}

/** The record's fields under our names; unknown columns are an error, not silently dropped. */
function renamed(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (name === '__problem') throw new RowProblem(String(value))
    const column = columnOf(name)
    if (!column) throw new RowProblem(`unknown column "${name.slice(0, 40)}"`)
    out[column] = value
  }
  return out
}

function recordOf(fields: Readonly<Record<string, unknown>>): RegisterRecord {
  const f = renamed(fields)
  const uscc = usccOf(textOf(f.uscc, 'uscc'))
  const kindText = textOf(f.kind, 'kind')
  const kind = kindText === null ? undefined : kindOf(kindText)
  if (!kind) throw new RowProblem(`kind: "${kindText ?? ''}" is not one of ${REGISTER_KINDS.join(', ')}`)
  const reference = limited(textOf(f.reference, 'reference'), 'reference')
  if (reference === null) throw new RowProblem('reference: missing (the decision or listing number, 文号)')
  const startsOn = dateOf(textOf(f.startsOn, 'start'), 'start')
  const endsOn = dateOf(textOf(f.endsOn, 'end'), 'end')
  if (startsOn && endsOn && endsOn < startsOn)
    throw new RowProblem(`end: ${endsOn} is before start ${startsOn}`)
  if (kind === 'biddingBan' && endsOn === null) throw new RowProblem('end: a bidding ban needs its end date')
  const grade = limited(textOf(f.grade, 'grade'), 'grade')
  if (kind === 'rating' && grade === null) throw new RowProblem('grade: a rating needs its grade')
  if (kind !== 'rating' && grade !== null) throw new RowProblem('grade: only a rating has a grade')
  return {
    uscc,
    kind,
    reference,
    subjectName: limited(textOf(f.subjectName, 'name'), 'subjectName'),
    authority: limited(textOf(f.authority, 'authority'), 'authority'),
    startsOn,
    endsOn,
    detail: limited(textOf(f.detail, 'detail'), 'detail'),
    grade,
  }
}

export type ValidatedRow =
  | { readonly ok: true; readonly record: RegisterRecord }
  | ({ readonly ok: false } & BadRow)

/**
 * A validator for one file's rows in order. It remembers the natural key of each good row (about a
 * hundred bytes each, not the row) to point a duplicate at the line that came first.
 */
export function createRowValidator(): (raw: RawRecord) => ValidatedRow {
  const firstLine = new Map<string, number>()
  return ({ line, fields }) => {
    try {
      const record = recordOf(fields)
      const key = `${record.uscc}\u0000${record.kind}\u0000${record.reference}`
      const first = firstLine.get(key)
      if (first !== undefined)
        throw new RowProblem(`duplicates line ${first} (same uscc, kind and reference)`)
      firstLine.set(key, line)
      return { ok: true, record }
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error
      return { ok: false, line, problem: error.message }
    }
  }
}
