// The small set of typed domain errors; src/http/problem.ts maps them to problem+json in one place.

export abstract class DomainError extends Error {
  abstract readonly status: number
  /** Stable machine-readable code, also the last segment of the problem `type`. */
  abstract readonly code: string
  readonly extra: Record<string, unknown>

  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.extra = extra
  }
}

export class InvalidInput extends DomainError {
  override readonly name = 'InvalidInput'
  readonly status = 400
  readonly code: string
  constructor(message: string, extra: Record<string, unknown> = {}, code = 'invalid_input') {
    super(message, extra)
    this.code = code
  }
}

export class Unauthenticated extends DomainError {
  override readonly name = 'Unauthenticated'
  readonly status = 401
  readonly code = 'unauthenticated'
}

export class Forbidden extends DomainError {
  override readonly name = 'Forbidden'
  readonly status = 403
  readonly code: string
  constructor(message: string, extra: Record<string, unknown> = {}, code = 'forbidden') {
    super(message, extra)
    this.code = code
  }
}

export class NotFound extends DomainError {
  override readonly name = 'NotFound'
  readonly status = 404
  readonly code = 'not_found'
}

/** The command is not one the tender's current state accepts (409 with state and allowed events). */
export class IllegalTransition extends DomainError {
  override readonly name = 'IllegalTransition'
  readonly status = 409
  readonly code = 'illegal_transition'
}

/** Someone else changed the stream first, or a uniqueness rule was hit by a concurrent command. */
export class Conflict extends DomainError {
  override readonly name = 'Conflict'
  readonly status = 409
  readonly code: string
  constructor(message: string, extra: Record<string, unknown> = {}, code = 'conflict') {
    super(message, extra)
    this.code = code
  }
}

/** If-Match named a version that is no longer current. */
export class VersionMismatch extends DomainError {
  override readonly name = 'VersionMismatch'
  readonly status = 412
  readonly code = 'version_mismatch'
}

/** The state accepts this kind of command, but a rule (deadline, quorum, limit) refuses this one. */
export class RuleViolation extends DomainError {
  override readonly name = 'RuleViolation'
  readonly status = 422
  readonly code: string
  constructor(message: string, extra: Record<string, unknown> = {}, code = 'rule_violation') {
    super(message, extra)
    this.code = code
  }
}
