// A refusal as the UI needs it: the API's problem code and English message, the field it names and its
// facts (limit, details). Built from the same typed errors the API turns into problem+json.
import { DomainError } from '../shared/errors.ts'
import { timeText } from './format.ts'
import type { Locale } from './locale-names.ts'

export interface ProblemFacts {
  readonly status: number
  /** The problem+json `code`: a DomainError's code or a Refusal's (state-machines/refusal.ts). */
  readonly code: string
  /** The API's English message, the fallback when the catalogue has no text for the code. */
  readonly message: string
  /** The request field at fault, when the refusal names one. */
  readonly field: string | null
  /** The refusal's limit and details, and the error's other facts (state, allowed …). */
  readonly facts: Readonly<Record<string, unknown>>
}

/** The facts of a domain error, or null for anything else (a bug: the page shows 500). */
export function problemFactsOf(error: unknown): ProblemFacts | null {
  if (!(error instanceof DomainError)) return null
  const field = typeof error.extra.field === 'string' ? error.extra.field : null
  return { status: error.status, code: error.code, message: error.message, field, facts: error.extra }
}

/** A fact as text, for messages that quote it ("" when absent). */
export function factText(problem: ProblemFacts, name: string): string {
  const value = problem.facts[name]
  if (value === undefined || value === null) return ''
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/** A fact that is a time, as the page's language shows times ("" when absent). */
export function factTime(problem: ProblemFacts, name: string, locale: Locale): string {
  const value = factText(problem, name)
  return value ? timeText(value, locale) : ''
}
