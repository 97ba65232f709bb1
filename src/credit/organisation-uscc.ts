// The USCC an organisation is registered under; it never changes, so each handle remembers them.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { NotFound } from '../shared/errors.ts'
import { handleMemo } from '../shared/handle-memo.ts'

export const organisationUscc: (db: Kysely<Database>, orgId: string) => Promise<string> = handleMemo(
  async (db: Kysely<Database>, orgId: string) => {
    const row = await db.selectFrom('organisations').select('uscc').where('id', '=', orgId).executeTakeFirst()
    if (!row) throw new NotFound(`organisation ${orgId} does not exist`)
    return row.uscc
  },
)
