// The USCC an organisation is registered under. It never changes, so the app's credit lookups remember
// it (credit-lookups.ts); inside a transaction it is read on the transaction's own connection.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { NotFound } from '../shared/errors.ts'

export async function readOrganisationUscc(db: Kysely<Database>, orgId: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('uscc').where('id', '=', orgId).executeTakeFirst()
  if (!row) throw new NotFound(`organisation ${orgId} does not exist`)
  return row.uscc
}
