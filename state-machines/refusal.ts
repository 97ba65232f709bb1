// Why a guard refuses an event, in terms a client can act on: the rule, its limit and where the rule
// comes from. Pure data; the command pipeline answers it as a 422 (a 409 when it is a conflict).
// Every rule of the machines answers a Verdict: a Refusal, or null when the rule lets the event pass.

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
  readonly details?: Readonly<Record<string, RefusalDetail>>
  /** The event repeats or contradicts what is already recorded (answered 409, not 422). */
  readonly conflict?: boolean
}

export type RefusalDetail = string | number | boolean | null | readonly string[]

/** A rule's answer: null lets the event pass; a Refusal refuses it and says why. */
export type Verdict = Refusal | null

/** The first refusal among rules judged in order (later rules are not judged once one refuses). */
export function firstRefusal(...rules: readonly (() => Verdict)[]): Verdict {
  for (const rule of rules) {
    const verdict = rule()
    if (verdict !== null) return verdict
  }
  return null
}

/** `refusal` unless `holds`: for the rules written as a condition and the refusal when it fails. */
export function unless(holds: boolean, refusal: () => Refusal): Verdict {
  return holds ? null : refusal()
}

const EVENT_SHAPE = 'tender.events.ts: what each event must carry'

/**
 * A malformed or repeated field (a blank id, an unknown category …): no legal limit, but still named.
 * The schemas at the edge catch most of these first; the machine does not trust them to.
 */
export function malformed(field: string, expected: string): Refusal {
  return {
    code: 'rule_violation',
    message: `${field} must be ${expected}`,
    rule: 'wellFormedEvent',
    limit: expected,
    source: EVENT_SHAPE,
    field,
  }
}

/**
 * The answer of a branch guard (e.g. "closes with too few bids") when the event takes the other branch.
 * Never reported: the general guard of the same event is tried last, and its verdict is the one named.
 */
export const OTHER_BRANCH: Refusal = {
  code: 'rule_violation',
  message: 'the event takes another transition',
  rule: 'branch',
  limit: 'the other branch',
  source: 'tender.machine.ts',
}
