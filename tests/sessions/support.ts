// Reading the sessions and events a page request may have written, to prove a refused one wrote none.
import { createHash } from 'node:crypto'
import type { TestApp } from '../support/test-app.ts'

export const sessionIdHash = (cookieValue: string) => createHash('sha256').update(cookieValue).digest('hex')

export async function sessionRows(t: TestApp) {
  return t.database.db.selectFrom('sessions').selectAll().orderBy('created_at').execute()
}

export async function eventCount(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
