import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { appendEvents, readStream } from '../../src/events/event-store.ts'
import { GENESIS_HASH, verifyChain } from '../../src/events/hash-chain.ts'
import { Conflict } from '../../src/shared/errors.ts'
import { openTestDatabase } from '../support/test-database.ts'

let database: DatabaseHandle
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

const event = (n: number) => ({
  type: 'NOTED',
  data: { n, text: `第${n}条`, nested: { b: 2, a: 1 } },
  meta: { userId: 'usr_test' },
  recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
})

async function append(stream: string, expected: number, count: number) {
  return database.db.transaction().execute((trx) =>
    appendEvents(
      trx,
      stream,
      expected,
      Array.from({ length: count }, (_, i) => event(expected + i + 1)),
    ),
  )
}

describe('event store', () => {
  it('appends with expected version and chains each event to the one before', async () => {
    await append('s-chain', 0, 2)
    await append('s-chain', 2, 1)
    const events = await readStream(database.db, 's-chain')
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(events[0]?.prevHash).toBe(GENESIS_HASH)
    expect(events[1]?.prevHash).toBe(events[0]?.hash)
    expect(verifyChain(events)).toMatchObject({ ok: true, length: 3, headHash: events[2]?.hash })
  })

  it('refuses an append at a stale version and writes nothing', async () => {
    await append('s-stale', 0, 1)
    await expect(append('s-stale', 0, 1)).rejects.toBeInstanceOf(Conflict)
    expect(await readStream(database.db, 's-stale')).toHaveLength(1)
  })

  it('refuses UPDATE and DELETE on stored events (append-only trigger)', async () => {
    await append('s-locked', 0, 1)
    await expect(
      sql`update events set type = 'X' where stream_id = 's-locked'`.execute(database.db),
    ).rejects.toThrow(/append-only/)
    await expect(sql`delete from events where stream_id = 's-locked'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    )
  })

  it('detects an event changed by hand with the trigger disabled, naming the first bad seq', async () => {
    await append('s-tamper', 0, 4)
    await sql`alter table events disable trigger events_append_only`.execute(database.db)
    await sql`update events set data = jsonb_set(data, '{text}', '"篡改"') where stream_id = 's-tamper' and seq = 3`.execute(
      database.db,
    )
    await sql`alter table events enable trigger events_append_only`.execute(database.db)
    const verdict = verifyChain(await readStream(database.db, 's-tamper'))
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 3 })
    expect(verdict.problem).toMatch(/hash/)
  })

  it('detects a deleted event as a broken link', async () => {
    await append('s-gap', 0, 3)
    await sql`alter table events disable trigger events_append_only`.execute(database.db)
    await sql`delete from events where stream_id = 's-gap' and seq = 2`.execute(database.db)
    await sql`alter table events enable trigger events_append_only`.execute(database.db)
    expect(verifyChain(await readStream(database.db, 's-gap'))).toMatchObject({ ok: false, firstBadSeq: 2 })
  })
})
