// Instants on events are UTC ISO-8601 strings stamped by the command pipeline; guards compare them here.
// Invalid strings are never "before" or "after" anything, so a guard fed one refuses.

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** Whether `iso` is an ISO-8601 date-time with an explicit zone (Z or ±hh:mm). */
export function isInstant(iso: unknown): iso is string {
  return typeof iso === 'string' && INSTANT.test(iso) && Number.isFinite(Date.parse(iso))
}

/** Milliseconds since the epoch, or NaN for an invalid instant. */
export function toMillis(iso: string | null): number {
  return iso !== null && isInstant(iso) ? Date.parse(iso) : Number.NaN
}

/** a < b (false when either is invalid). */
export function isBefore(a: string | null, b: string | null): boolean {
  return toMillis(a) < toMillis(b)
}

/** a ≤ b (false when either is invalid). */
export function isAtOrBefore(a: string | null, b: string | null): boolean {
  return toMillis(a) <= toMillis(b)
}
