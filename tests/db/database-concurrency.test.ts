// Serialisation of concurrent transactions: on PGlite through the pool's mutex (one session),
// on PostgreSQL through row locks. Both must count every increment.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { openTestDatabase } from '../support/test-database.ts'

let database: DatabaseHandle
beforeAll(async () => {
  database = await openTestDatabase()
  await sql`create table counter (id int primary key, n int not null); insert into counter values (1, 1)`.execute(
    database.db,
  )
})
afterAll(() => database.close())

describe(`concurrent transactions (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('20 concurrent SELECT … FOR UPDATE + increment transactions end at 21', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        database.db.transaction().execute(async (trx) => {
          const row = await sql<{ n: number }>`select n from counter where id = 1 for update`.execute(trx)
          await sql`update counter set n = ${(row.rows[0]?.n ?? 0) + 1} where id = 1`.execute(trx)
        }),
      ),
    )
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(database.db)
    expect(rows[0]?.n).toBe(21)
  })

  it('a failed transaction rolls back and leaves the session usable', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`update counter set n = 999 where id = 1`.execute(trx)
        await sql`select * from no_such_table`.execute(trx)
      }),
    ).rejects.toThrow()
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(database.db)
    expect(rows[0]?.n).toBe(21)
  })
})
