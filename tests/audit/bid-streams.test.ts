// Replay verifies every bid stream and ties it to the tender's chain (the bid set hash of CLOSE_BIDDING);
// a bid stream changed behind the store's back (trigger disabled) makes replay fail, naming the stream.
// The bid streams are read after the opening only.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/events/hash-chain.ts'
import { get, reachAwarding } from '../award/support.ts'
import { bidBody, createPublished, passDeadline, post, submitOk } from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

describe('bid streams in replay and history', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await startTestApp()
  })
  afterEach(async () => t.close())

  const replay = async (tenderId: string, username = 'auditor') =>
    (await get(t, username, `/api/v1/tenders/${tenderId}/replay`)).body

  async function tamper(...statements: ReturnType<typeof sql>[]) {
    const db = t.database.db
    await sql`alter table events disable trigger events_append_only`.execute(db)
    for (const statement of statements) await statement.execute(db)
    await sql`alter table events enable trigger events_append_only`.execute(db)
  }

  /** Three bidders, bidder1 twice (its first bid replaced), closed and opened for real. */
  async function openedTender() {
    const tenderId = await createPublished(t)
    const replaced = await submitOk(t, tenderId, 'bidder1')
    await submitOk(t, tenderId, 'bidder1', bidBody('3780000000'))
    for (const bidder of ['bidder2', 'bidder3']) await submitOk(t, tenderId, bidder)
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)
    expect((await post(t, `${tenderId}/open`, 'operator')).status).toBe(200)
    return { tenderId, replacedStream: `bid-${replaced.id}` }
  }

  it('verifies an honest tender with every bid stream counted', async () => {
    const { tenderId, replacedStream } = await openedTender()
    const body = await replay(tenderId)
    expect(body.ok).toBe(true)
    expect(body.bidStreams).toMatchObject({ ok: true, count: 4, findings: [] })
    expect(body.bidStreams.bidSet).toMatchObject({ ok: true, liveCount: 3, recordedCount: 3 })
    const replacedCheck = body.bidStreams.streams.find(
      (s: { streamId: string }) => s.streamId === replacedStream,
    )
    expect(replacedCheck).toMatchObject({ ok: true, events: 2, liveAtClose: false })
    // and the driven fixtures commit to their seeded streams too
    const awarding = await reachAwarding(t)
    expect(await replay(awarding.tenderId)).toMatchObject({ ok: true, bidStreams: { ok: true, count: 4 } })
  })

  it('fails on one flipped hex digit of a BID_SUBMITTED contentHash, naming the stream', async () => {
    const { tenderId } = await reachAwarding(t)
    const [row] = await sql<{
      stream_id: string
      hash: string
    }>`select stream_id, data->>'contentHash' as hash from events where type = 'BID_SUBMITTED' and data->>'tenderId' = ${tenderId} order by stream_id limit 1`
      .execute(t.database.db)
      .then((r) => r.rows)
    const flipped = (row!.hash[0] === 'a' ? 'b' : 'a') + row!.hash.slice(1)
    await tamper(
      sql`update events set data = jsonb_set(data, '{contentHash}', ${JSON.stringify(flipped)}::jsonb) where stream_id = ${row!.stream_id} and seq = 1`,
    )
    const body = await replay(tenderId)
    expect(body.ok).toBe(false)
    expect(body.chain.ok).toBe(true)
    expect(body.bidStreams.ok).toBe(false)
    const check = body.bidStreams.streams.find((s: { streamId: string }) => s.streamId === row!.stream_id)
    expect(check).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      problem: 'hash does not match the event content',
    })
    expect(body.bidStreams.bidSet.ok).toBe(false)
    expect(body.bidStreams.findings.join('\n')).toContain(row!.stream_id)
  })

  it('catches a deleted event and a reordered stream', async () => {
    // given the REPLACE of bidder1's first bid is deleted, the bid looks live at the close
    const { tenderId, replacedStream } = await openedTender()
    await tamper(sql`delete from events where stream_id = ${replacedStream} and seq = 2`)
    const deleted = await replay(tenderId)
    expect(deleted.ok).toBe(false)
    expect(deleted.bidStreams.bidSet).toMatchObject({ ok: false, liveCount: 4, recordedCount: 3 })
    // given the events of that stream swap places instead
    const other = await openedTender()
    const stream = other.replacedStream
    const swap = (from: number, to: number) =>
      sql`update events set seq = ${to} where stream_id = ${stream} and seq = ${from}`
    await tamper(swap(1, 100), swap(2, 1), swap(100, 2))
    const reordered = await replay(other.tenderId)
    expect(reordered.ok).toBe(false)
    const check = reordered.bidStreams.streams.find((s: { streamId: string }) => s.streamId === stream)
    expect(check).toMatchObject({ ok: false, firstBadSeq: 1 })
    // given a whole bid stream is deleted
    const third = await reachAwarding(t)
    await tamper(
      sql`delete from events where type = 'BID_SUBMITTED' and data->>'bidId' = ${third.bidIds[0]!}`,
    )
    expect((await replay(third.tenderId)).bidStreams).toMatchObject({
      ok: false,
      count: 3,
      bidSet: { ok: false },
    })
  })

  it('shows the bid streams after the opening only, and counts them before', async () => {
    // given bids submitted and bidding closed, not yet opened
    const tenderId = await createPublished(t)
    for (const bidder of ['bidder1', 'bidder2', 'bidder3']) await submitOk(t, tenderId, bidder)
    const bids = `/api/v1/tenders/${tenderId}/history/bids`
    for (const username of ['purchaser', 'auditor', 'supervisor'])
      expect((await get(t, username, bids)).body.code).toBe('bids_not_opened')
    expect((await get(t, 'bidder1', bids)).status).toBe(403)
    await passDeadline(t, tenderId)
    expect((await post(t, `${tenderId}/close-bidding`, 'operator')).status).toBe(200)
    for (const username of ['purchaser', 'auditor']) {
      const res = await get(t, username, bids)
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('bids_not_opened')
      const body = await replay(tenderId, username)
      expect(body.ok).toBe(true)
      expect(body.bidStreams).toEqual({ ok: true, count: 3, detail: 'withheld until the opening' })
    }
    expect((await get(t, 'bidder1', bids)).status).toBe(403)
    // when the bids are opened, then oversight reads every stream verbatim and can re-hash it
    expect((await post(t, `${tenderId}/open`, 'operator')).status).toBe(200)
    const res = await get(t, 'auditor', bids)
    expect(res.status).toBe(200)
    expect(res.body.streams).toHaveLength(3)
    for (const stream of res.body.streams) {
      expect(stream.streamId).toMatch(/^bid-/)
      expect(stream.events.map((e: { type: string }) => e.type)).toEqual(['BID_SUBMITTED', 'OPEN_RESULT'])
      for (const { seq, type, data, meta, recordedAt, prevHash, hash } of stream.events) {
        expect(eventHash({ streamId: stream.streamId, seq, type, data, meta, recordedAt, prevHash })).toBe(
          hash,
        )
      }
      expect(stream.head).toEqual({ seq: 2, hash: stream.events[1].hash })
    }
    expect((await get(t, 'bidder1', bids)).status).toBe(403)
  })
})
