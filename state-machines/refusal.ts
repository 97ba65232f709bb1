// Why a guard refuses an event, in terms a client can act on: the rule, its limit and where the rule
// comes from. Pure data; the command pipeline answers it as a 422. Some guards say why so far; a check
// that answers `false` refuses without a reason, and the pipeline falls back to a bare rule_violation.

export interface Refusal {
  /** Stable machine-readable code, e.g. 'objection_too_late'. */
  readonly code: string
  readonly message: string
  /** The rule's name: a rule-pack limit ('objectionLeadDays') or a fixed rule ('objectionStage'). */
  readonly rule: string
  /** The limit the event ran into: a number of days, an instant, the stage this phase takes. */
  readonly limit: number | string
  /** Where the rule comes from: an article, or the rule pack's citation. */
  readonly source: string
  /** The event field at fault, when one is. */
  readonly field?: string
  /** Other facts the client needs to act (the current deadline …). */
  readonly details?: Readonly<Record<string, string | number | null>>
}

/** A check's answer: true accepts; false refuses without saying why; a Refusal refuses and says why. */
export type Verdict = boolean | Refusal

/** The Refusal in a verdict, if it names one. */
export function refusalIn(verdict: Verdict): Refusal | null {
  return typeof verdict === 'object' ? verdict : null
}
