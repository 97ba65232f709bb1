// Day counting for rule-pack limits: calendar days (招标投标法 日) or working days (政府采购 工作日).
// Pure: the start instant comes from an event, never from the clock.
import type { CitedLimit, DayCounting, RulePack } from './rule-pack.ts'
import { isInstant } from './time.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** China Standard Time is UTC+8 all year (no DST), so weekdays are counted on the shifted instant. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** Whether the calendar day containing `millis` is Saturday or Sunday in Asia/Shanghai. */
export function isShanghaiWeekend(millis: number): boolean {
  const weekday = new Date(millis + SHANGHAI_OFFSET_MS).getUTCDay()
  return weekday === 0 || weekday === 6
}

/**
 * The instant `n` days after `iso`, as a UTC ISO string.
 * - 'calendar': n × 24 h.
 * - 'working': steps one day at a time and does not count days that fall on a Saturday or Sunday in
 *   Asia/Shanghai; the start day itself is not counted (Order 87 Art 85). Statutory holidays and the
 *   adjusted working weekends (调休) are NOT known yet: a holiday calendar loaded by the operator will
 *   replace the weekend test, so working-day results are a lower bound until then.
 * Throws RangeError for an invalid instant or a negative / fractional `n` (guards validate first).
 */
export function addDays(iso: string, n: number, counting: DayCounting): string {
  if (!isInstant(iso)) throw new RangeError(`not an ISO-8601 instant: ${iso}`)
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`day count must be a whole number ≥ 0: ${n}`)
  let millis = Date.parse(iso)
  if (counting === 'calendar') return new Date(millis + n * DAY_MS).toISOString()
  let counted = 0
  while (counted < n) {
    millis += DAY_MS
    if (!isShanghaiWeekend(millis)) counted += 1
  }
  return new Date(millis).toISOString()
}

/** `iso` plus a rule-pack day limit, counted as the limit says (else as the pack says). */
export function addLimitDays(iso: string, limit: CitedLimit, pack: Pick<RulePack, 'dayCounting'>): string {
  return addDays(iso, limit.value, limit.counting ?? pack.dayCounting)
}
