// Small value checks shared by the machines' guards.

/** A non-blank string. */
export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0
}

/** Non-blank and pairwise distinct. */
export function areDistinctIds(ids: readonly string[]): boolean {
  return ids.every(hasText) && new Set(ids).size === ids.length
}

/** Money in fen (分): a decimal string of a whole number ≥ 0, safe to read with BigInt. */
export function isFen(value: unknown): value is string {
  return typeof value === 'string' && /^(0|[1-9]\d*)$/.test(value)
}

/** Whether `items` holds exactly the members of `expected` (order ignored, no repeats). */
export function isSameSet(items: readonly string[], expected: readonly string[]): boolean {
  const wanted = new Set(expected)
  return (
    items.length === wanted.size && new Set(items).size === items.length && items.every((x) => wanted.has(x))
  )
}
