// The small set of typed domain errors; src/http/problem.ts maps them to problem+json in one place.
// Each kind has a status and a default code; a thrower may name a more specific stable code.

export abstract class DomainError extends Error {
  abstract readonly status: number
  /** Stable machine-readable code, also the last segment of the problem `type`. */
  readonly code: string
  readonly extra: Record<string, unknown>

  constructor(message: string, extra: Record<string, unknown> = {}, code?: string) {
    super(message)
    this.extra = extra
    this.code = code ?? (this.constructor as { defaultCode?: string }).defaultCode ?? 'error'
  }
}

export class InvalidInput extends DomainError {
  static readonly defaultCode = 'invalid_input'
  override readonly name = 'InvalidInput'
  readonly status = 400
}

export class Unauthenticated extends DomainError {
  static readonly defaultCode = 'unauthenticated'
  override readonly name = 'Unauthenticated'
  readonly status = 401
}

export class Forbidden extends DomainError {
  static readonly defaultCode = 'forbidden'
  override readonly name = 'Forbidden'
  readonly status = 403
}

export class NotFound extends DomainError {
  static readonly defaultCode = 'not_found'
  override readonly name = 'NotFound'
  readonly status = 404
}

/** The command is not one the tender's current state accepts (409 with state and allowed events). */
export class IllegalTransition extends DomainError {
  static readonly defaultCode = 'illegal_transition'
  override readonly name = 'IllegalTransition'
  readonly status = 409
}

/** Someone else changed the stream first, or a uniqueness rule was hit by a concurrent command. */
export class Conflict extends DomainError {
  static readonly defaultCode = 'conflict'
  override readonly name = 'Conflict'
  readonly status = 409
}

/** If-Match named a version that is no longer current. */
export class VersionMismatch extends DomainError {
  static readonly defaultCode = 'version_mismatch'
  override readonly name = 'VersionMismatch'
  readonly status = 412
}

/** The state accepts this kind of command, but a rule (deadline, quorum, limit) refuses this one. */
export class RuleViolation extends DomainError {
  static readonly defaultCode = 'rule_violation'
  override readonly name = 'RuleViolation'
  readonly status = 422
}
