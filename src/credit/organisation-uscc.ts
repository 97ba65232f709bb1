// The USCC an organisation is registered under; it never changes, so each handle remembers them.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { NotFound } from '../shared/errors.ts'

const known = new WeakMap<Kysely<Database>, Map<string, string>>()

export async function organisationUscc(db: Kysely<Database>, orgId: string): Promise<string> {
  const cache = known.get(db) ?? new Map<string, string>()
  known.set(db, cache)
  const cached = cache.get(orgId)
  if (cached) return cached
  const row = await db.selectFrom('organisations').select('uscc').where('id', '=', orgId).executeTakeFirst()
  if (!row) throw new NotFound(`organisation ${orgId} does not exist`)
  cache.set(orgId, row.uscc)
  return row.uscc
}
