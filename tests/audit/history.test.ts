// GET tenders/{id}/history: every event with its hash chain, as JSON or NDJSON, for the purchaser and oversight.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/events/hash-chain.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { bearer, castBallots, chairRound, get, openMeeting, post, reachAwarding } from '../award/support.ts'
import { createDraft, createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

describe('GET tenders/{id}/history', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await startTestApp()
  })
  afterEach(async () => t.close())

  it('lists every event in order with actor, data and linked hashes', async () => {
    // given a tender driven to awarding
    const { tenderId } = await reachAwarding(t)
    // when the auditor reads its history
    const res = await get(t, 'auditor', `/api/v1/tenders/${tenderId}/history`)
    // then every stored event is there, chained, with the head pointing at the last
    expect(res.status).toBe(200)
    const { events, head } = res.body
    const types = events.map((e: { type: string }) => e.type)
    expect(types.slice(0, 5)).toEqual(['TENDER_CREATED', 'PUBLISH', 'CLOSE_BIDDING', 'OPEN', 'DRAW_EXPERTS'])
    expect(types.at(-1)).toBe('END_PUBLICITY')
    const stored = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', `tender-${tenderId}`)
      .orderBy('seq')
      .execute()
    expect(events).toHaveLength(stored.length)
    events.forEach((event: { seq: number; prevHash: string; hash: string }, i: number) => {
      expect(event.seq).toBe(i + 1)
      expect(event.hash).toBe(stored[i]!.hash)
      if (i > 0) expect(event.prevHash).toBe(events[i - 1].hash)
    })
    expect(head).toEqual({ seq: events.length, hash: events.at(-1).hash })
    const purchaser = DEMO_USERS.find((u) => u.username === 'purchaser')!
    expect(events[0].actor).toEqual({ userId: purchaser.id, orgId: purchaser.orgId, roles: ['purchaser'] })
    expect(events[1].data).toMatchObject({
      awardMethod: 'simpleMajority',
      awardFactors: ['投标报价', '企业信用'],
    })
    // the stored row re-hashes to its hash (the export carries the data the hash covers)
    const first = stored[0]!
    expect(
      eventHash({
        streamId: first.stream_id,
        seq: first.seq,
        type: first.type,
        data: first.data,
        meta: first.meta,
        recordedAt: new Date(first.recorded_at).toISOString(),
        prevHash: first.prev_hash,
      }),
    ).toBe(events[0].hash)
  })

  it('streams one JSON event per line with Accept: application/x-ndjson', async () => {
    const tenderId = await createPublished(t)
    const res = await t.http
      .get(`/api/v1/tenders/${tenderId}/history`)
      .set('authorization', await bearer(t, 'purchaser'))
      .set('accept', 'application/x-ndjson')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/x-ndjson')
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((e) => e.type)).toEqual(['TENDER_CREATED', 'PUBLISH'])
    expect(lines[1].prevHash).toBe(lines[0].hash)
  })

  it('is open to the own purchaser, supervisor, auditor and operator only', async () => {
    const tenderId = await createPublished(t)
    for (const username of ['purchaser', 'supervisor', 'auditor', 'operator']) {
      expect((await get(t, username, `/api/v1/tenders/${tenderId}/history`)).status).toBe(200)
    }
    for (const username of ['bidder1', 'expert1', 'member1', 'agent']) {
      const res = await get(t, username, `/api/v1/tenders/${tenderId}/history`)
      expect(res.status).toBe(403)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('keeps the ballots of an open round sealed, as the award view does', async () => {
    // given four of five members have voted in the open round
    const tender = await reachAwarding(t)
    const members = await openMeeting(t, tender.tenderId)
    const [a] = tender.candidates as [string]
    await castBallots(t, tender.tenderId, members.slice(0, 4), [a, a, a, a])
    const ballots = async () =>
      (await get(t, 'purchaser', `/api/v1/tenders/${tender.tenderId}/history`)).body.events.filter(
        (e: { type: string }) => e.type === 'CAST_BALLOT',
      )
    // then the history shows who voted and when, but not for whom
    const open = await ballots()
    expect(open).toHaveLength(4)
    for (const ballot of open) {
      expect(ballot.note).toMatch(/withheld/)
      expect(ballot.data).toMatchObject({ round: 1, withheld: true })
      expect(Object.keys(ballot.data).sort()).toEqual(['at', 'memberId', 'round', 'withheld'])
    }
    // when the last member votes, the round stays sealed until the chair closes it
    await post(t, members[4]!, `/api/v1/tenders/${tender.tenderId}/award/ballots`, {
      candidateBidId: a,
      reason: '同意',
    })
    expect((await ballots()).filter((b: { note?: string }) => b.note !== undefined)).toHaveLength(5)
    // and when the chair closes it, every ballot shows in full
    await chairRound(t, tender.tenderId, members[0]!, 'close')
    const closed = await ballots()
    expect(closed).toHaveLength(5)
    for (const ballot of closed) {
      expect(ballot.note).toBeUndefined()
      expect(ballot.data.candidateBidId).toBe(a)
    }
  })

  it('hides a draft from everyone but its purchaser and oversight', async () => {
    const tenderId = await createDraft(t)
    for (const path of ['history', 'replay', 'award']) {
      expect((await get(t, 'bidder1', `/api/v1/tenders/${tenderId}/${path}`)).status).toBe(404)
    }
    expect((await get(t, 'purchaser', `/api/v1/tenders/${tenderId}/history`)).status).toBe(200)
  })
})
