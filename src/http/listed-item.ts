// The read of one item of a list a caller may read: the same rule as the list, and 404 for an id the
// list does not show the caller (missing, or not theirs), so the two read alike.
import { NotFound } from '../shared/errors.ts'

export function listedItem<T>(items: readonly T[], idOf: (item: T) => string, id: string, what: string): T {
  const found = items.find((item) => idOf(item) === id)
  if (found === undefined) throw new NotFound(`${what} ${id} does not exist`)
  return found
}
