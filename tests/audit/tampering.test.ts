// The event store refuses changes; a change made behind its back (trigger disabled) shows in replay.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { get, reachAwarding } from '../award/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

describe('tampering with the events table', () => {
  let t: TestApp
  let tenderId: string
  const streamId = () => `tender-${tenderId}`

  beforeEach(async () => {
    t = await startTestApp()
    tenderId = (await reachAwarding(t)).tenderId
  })
  afterEach(async () => t.close())

  it('refuses a direct UPDATE while the append-only trigger is on', async () => {
    const update = sql`update events set data = jsonb_set(data, '{bidCount}', '9') where stream_id = ${streamId()} and seq = 3`
    await expect(update.execute(t.database.db)).rejects.toThrow(/append-only/)
    const remove = sql`delete from events where stream_id = ${streamId()} and seq = 3`
    await expect(remove.execute(t.database.db)).rejects.toThrow(/append-only/)
    const res = await get(t, 'auditor', `/api/v1/tenders/${tenderId}/replay`)
    expect(res.body.ok).toBe(true)
  })

  it('reports the first bad event when one was changed with the trigger disabled', async () => {
    // given someone with table rights edits seq 3 (CLOSE_BIDDING) behind the store's back
    const db = t.database.db
    await sql`alter table events disable trigger events_append_only`.execute(db)
    await sql`update events set data = jsonb_set(data, '{bidSetHash}', '"forged"') where stream_id = ${streamId()} and seq = 3`.execute(
      db,
    )
    await sql`alter table events enable trigger events_append_only`.execute(db)
    // when the auditor replays the tender
    const res = await get(t, 'auditor', `/api/v1/tenders/${tenderId}/replay`)
    // then the chain breaks exactly there, the opening no longer matches the forged commitment, and the
    // fold does not match the projection
    expect(res.status).toBe(200)
    expect(res.body.ok).toBe(false)
    expect(res.body.chain).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'hash does not match the event content',
    })
    expect(res.body.replay).toMatchObject({ matchesProjection: false, firstRejectedSeq: 4 })
  })
})
