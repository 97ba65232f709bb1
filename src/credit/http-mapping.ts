// The field mapping of the HTTP credit provider: where in a source's JSON answer the subject, its
// listings, penalties and rating are, and the answer read through it. Anything missing or of the
// wrong shape makes the whole answer malformed: never a partial, cleaner-looking record. Pure.
import {
  CREDIT_LIST_NAMES,
  CREDIT_LISTS,
  type CreditList,
  type CreditRating,
  type ListHit,
  type Penalty,
  shanghaiDate,
} from './credit-report.ts'

/** Dotted paths into the answer ("data.items", "result.0.name"); "" is the answer itself. */
export interface HttpFieldMapping {
  /** Where the answer names the subject's USCC: checked against the code asked about. */
  readonly uscc?: string
  readonly subjectName?: string
  readonly lists: {
    readonly path: string
    readonly kind: string
    /** The source's words for each list; our own ids and the lists' Chinese names always work. */
    readonly kindValues?: Readonly<Record<string, CreditList>>
    readonly reference: string
    readonly authority?: string
    readonly startsOn?: string
    readonly endsOn?: string
    readonly detail?: string
  }
  readonly penalties?: {
    readonly path: string
    readonly reference: string
    readonly authority?: string
    readonly decidedOn?: string
    readonly endsOn?: string
    readonly detail?: string
  }
  readonly rating?: { readonly grade: string; readonly authority?: string; readonly asOf?: string }
}

/** Our own report shape: a source that answers like GET /api/v1/credit/{uscc} needs no mapping. */
export const DEFAULT_HTTP_MAPPING: HttpFieldMapping = {
  uscc: 'uscc',
  subjectName: 'subjectName',
  lists: {
    path: 'lists',
    kind: 'list',
    reference: 'reference',
    authority: 'authority',
    startsOn: 'startsOn',
    endsOn: 'endsOn',
    detail: 'detail',
  },
  penalties: {
    path: 'penalties',
    reference: 'reference',
    authority: 'authority',
    decidedOn: 'decidedOn',
    endsOn: 'endsOn',
    detail: 'detail',
  },
  rating: { grade: 'rating.grade', authority: 'rating.authority', asOf: 'rating.asOf' },
}

export interface MappedAnswer {
  readonly subjectName: string | null
  readonly lists: ListHit[]
  readonly penalties: Penalty[]
  readonly rating: CreditRating | null
}

class Malformed extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function at(value: unknown, path: string | undefined): unknown {
  if (path === undefined) return undefined
  if (path === '') return value
  let current = value
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)]
    else if (isRecord(current) && Object.hasOwn(current, key)) current = current[key]
    else return undefined
  }
  return current
}

function text(value: unknown, what: string, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new Malformed(`${what} is missing`)
    return null
  }
  if (typeof value === 'string') return value.slice(0, 2000)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new Malformed(`${what} is not text`)
}

/** A calendar day: "YYYY-MM-DD", or an instant read as its day in Asia/Shanghai. */
function day(value: unknown, what: string): string | null {
  const raw = text(value, what, false)
  if (raw === null) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) return raw
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(Date.parse(raw))) return shanghaiDate(raw)
  throw new Malformed(`${what} is not a date: "${raw.slice(0, 40)}"`)
}

const KNOWN_KINDS: Readonly<Record<string, CreditList>> = Object.fromEntries([
  ...CREDIT_LISTS.map((list) => [list, list]),
  ...CREDIT_LISTS.map((list) => [CREDIT_LIST_NAMES[list], list]),
])

function array(answer: unknown, path: string, what: string): unknown[] {
  const found = at(answer, path)
  if (!Array.isArray(found)) throw new Malformed(`${what} (${path || 'the answer'}) is not a list`)
  if (found.length > 10_000) throw new Malformed(`${what} has more than 10,000 entries`)
  return found
}

function readLists(answer: unknown, m: HttpFieldMapping['lists']): ListHit[] {
  const kinds = { ...KNOWN_KINDS, ...m.kindValues }
  return array(answer, m.path, 'lists').map((entry, i) => {
    if (!isRecord(entry)) throw new Malformed(`lists[${i}] is not an object`)
    const kind = text(at(entry, m.kind), `lists[${i}].${m.kind}`, true) ?? ''
    const list = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined
    if (!list) throw new Malformed(`lists[${i}] names an unknown list "${kind.slice(0, 40)}"`)
    return {
      list,
      reference: text(at(entry, m.reference), `lists[${i}].${m.reference}`, true) ?? '',
      authority: text(at(entry, m.authority), `lists[${i}].authority`, false),
      startsOn: day(at(entry, m.startsOn), `lists[${i}].startsOn`),
      endsOn: day(at(entry, m.endsOn), `lists[${i}].endsOn`),
      detail: text(at(entry, m.detail), `lists[${i}].detail`, false),
    }
  })
}

function readPenalties(answer: unknown, m: HttpFieldMapping['penalties']): Penalty[] {
  if (!m) return []
  return array(answer, m.path, 'penalties').map((entry, i) => {
    if (!isRecord(entry)) throw new Malformed(`penalties[${i}] is not an object`)
    return {
      reference: text(at(entry, m.reference), `penalties[${i}].${m.reference}`, true) ?? '',
      authority: text(at(entry, m.authority), `penalties[${i}].authority`, false),
      decidedOn: day(at(entry, m.decidedOn), `penalties[${i}].decidedOn`),
      endsOn: day(at(entry, m.endsOn), `penalties[${i}].endsOn`),
      detail: text(at(entry, m.detail), `penalties[${i}].detail`, false),
    }
  })
}

function readRating(answer: unknown, m: HttpFieldMapping['rating']): CreditRating | null {
  if (!m) return null
  const grade = text(at(answer, m.grade), 'rating.grade', false)
  if (grade === null) return null
  return {
    grade,
    authority: text(at(answer, m.authority), 'rating.authority', false),
    asOf: day(at(answer, m.asOf), 'rating.asOf'),
  }
}

/** Reads a parsed JSON answer through the mapping, or says why it is malformed. */
export function readMappedAnswer(
  answer: unknown,
  mapping: HttpFieldMapping,
  uscc: string,
): { ok: true; answer: MappedAnswer } | { ok: false; problem: string } {
  try {
    if (!isRecord(answer) && !Array.isArray(answer)) throw new Malformed('the answer is not a JSON object')
    if (mapping.uscc !== undefined) {
      const named = text(at(answer, mapping.uscc), `${mapping.uscc}`, true)
      if (named !== uscc)
        throw new Malformed(`the answer is about ${String(named).slice(0, 20)}, not ${uscc}`)
    }
    return {
      ok: true,
      answer: {
        subjectName: text(at(answer, mapping.subjectName), 'subjectName', false),
        lists: readLists(answer, mapping.lists),
        penalties: readPenalties(answer, mapping.penalties),
        rating: readRating(answer, mapping.rating),
      },
    }
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: error.message }
    throw error
  }
}

const MAPPING_PATHS = [
  'path',
  'kind',
  'reference',
  'authority',
  'startsOn',
  'endsOn',
  'detail',
  'decidedOn',
  'grade',
  'asOf',
]

/** Checks a mapping given as configuration (JSON); the message says what is wrong. */
export function mappingProblem(candidate: unknown): string | null {
  if (!isRecord(candidate)) return 'the mapping must be a JSON object'
  const lists = candidate.lists
  if (
    !isRecord(lists) ||
    typeof lists.path !== 'string' ||
    typeof lists.kind !== 'string' ||
    typeof lists.reference !== 'string'
  ) {
    return 'mapping.lists needs path, kind and reference'
  }
  if (candidate.penalties !== undefined) {
    const p = candidate.penalties
    if (!isRecord(p) || typeof p.path !== 'string' || typeof p.reference !== 'string')
      return 'mapping.penalties needs path and reference'
  }
  if (
    candidate.rating !== undefined &&
    (!isRecord(candidate.rating) || typeof candidate.rating.grade !== 'string')
  )
    return 'mapping.rating needs grade'
  for (const part of [lists, candidate.penalties, candidate.rating]) {
    if (!isRecord(part)) continue
    for (const key of MAPPING_PATHS)
      if (part[key] !== undefined && typeof part[key] !== 'string')
        return `mapping: ${key} must be a path (text)`
  }
  const values = lists.kindValues
  if (values !== undefined) {
    if (!isRecord(values)) return 'mapping.lists.kindValues must map words to list ids'
    for (const [word, list] of Object.entries(values))
      if (!(CREDIT_LISTS as readonly unknown[]).includes(list))
        return `mapping.lists.kindValues: "${word}" maps to "${String(list)}", not one of ${CREDIT_LISTS.join(', ')}`
  }
  for (const key of ['uscc', 'subjectName'])
    if (candidate[key] !== undefined && typeof candidate[key] !== 'string')
      return `mapping.${key} must be a path (text)`
  return null
}
