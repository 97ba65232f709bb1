// Ballot secrecy on every read path: before its round closes, no reader (purchaser, supervisor, auditor)
// learns a ballot's choice or reason from the history (JSON or NDJSON), replay, the award view or the
// records, nor any count; once it closes (the chair's close, a re-vote, the end of the meeting) the
// history shows it in full.
import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AwardingTender, bearer, get, openMeeting, post, reachAwarding } from '../award/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

const READERS = ['purchaser', 'supervisor', 'auditor']

interface HistoryLine {
  seq: number
  type: string
  data: Record<string, unknown>
  hash: string
  prevHash: string
  note?: string
}

describe('ballots of an open round', () => {
  let t: TestApp
  let tender: AwardingTender
  let members: string[]
  const marker = `BALLOT-${randomBytes(6).toString('hex')}`
  const url = (path: string) => `/api/v1/tenders/${tender.tenderId}/${path}`

  beforeEach(async () => {
    t = await startTestApp()
    tender = await reachAwarding(t)
    members = await openMeeting(t, tender.tenderId)
  })
  afterEach(async () => t.close())

  async function vote(member: string, bidId: string) {
    const res = await post(t, member, url('award/ballots'), {
      candidateBidId: bidId,
      reason: `${marker} 选择理由`,
    })
    expect(res.status).toBe(200)
  }

  async function ballotsIn(username: string, ndjson = false): Promise<HistoryLine[]> {
    const req = t.http.get(url('history')).set('authorization', await bearer(t, username))
    if (!ndjson) return (await req).body.events.filter((e: HistoryLine) => e.type === 'CAST_BALLOT')
    const text = (await req.set('accept', 'application/x-ndjson')).text
    return text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as HistoryLine)
      .filter((e) => e.type === 'CAST_BALLOT')
  }

  async function expectWithheld(username: string, round: number, count: number) {
    for (const ndjson of [false, true]) {
      const ballots = await ballotsIn(username, ndjson)
      const withheld = ballots.filter((b) => b.data.withheld === true)
      expect(withheld, `${username} ndjson=${ndjson}`).toHaveLength(count)
      for (const ballot of withheld) {
        expect(Object.keys(ballot.data).sort()).toEqual(['at', 'memberId', 'round', 'withheld'])
        expect(ballot.data.round).toBe(round)
        expect(ballot.note).toMatch(/withheld until its round closes/)
        expect(ballot.hash).toMatch(/^[0-9a-f]{64}$/)
      }
      expect(JSON.stringify(withheld)).not.toContain(marker)
    }
  }

  it('withholds choice, reason and counts from every reader until the chair closes the round', async () => {
    // given four of five members have voted
    const [a] = tender.candidates as [string]
    for (const member of members.slice(0, 4)) await vote(member, a)
    // then no reader learns any choice or reason from any read path, and the chain stays checkable
    for (const username of READERS) {
      await expectWithheld(username, 1, 4)
      const replay = await get(t, username, url('replay'))
      expect(replay.body.ok).toBe(true)
      expect(replay.body.chain.ok).toBe(true)
      expect(JSON.stringify(replay.body)).not.toContain(marker)
      const award = await get(t, username, url('award'))
      expect(JSON.stringify(award.body)).not.toContain(marker)
      expect(award.body.rounds[0].ballots).toBeNull()
    }
    const stored = await t.database.db
      .selectFrom('events')
      .select(['seq', 'hash', 'prev_hash'])
      .where('stream_id', '=', `tender-${tender.tenderId}`)
      .where('type', '=', 'CAST_BALLOT')
      .orderBy('seq')
      .execute()
    expect((await ballotsIn('auditor')).map((b) => [b.seq, b.hash, b.prevHash])).toEqual(
      stored.map((row) => [row.seq, row.hash, row.prev_hash]),
    )
    // and no record (PDF) holding ballots is due before the decision
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('stream_id', '=', `tender-${tender.tenderId}`)
      .execute()
    expect(JSON.stringify(outbox)).not.toContain('award_report')
    // when the last member votes, the round is complete but nothing shows before the chair closes it
    await vote(members[4]!, a)
    for (const username of READERS) {
      await expectWithheld(username, 1, 5)
      const award = await get(t, username, url('award'))
      expect(award.body.rounds[0]).toMatchObject({ complete: true, tally: null, ballots: null })
      expect(JSON.stringify(award.body)).not.toContain(marker)
    }
    const history = await get(t, 'auditor', url('history'))
    expect(history.body.events.map((e: HistoryLine) => e.type)).not.toContain('CLOSE_ROUND')
    // then, once the chair closes it, every reader sees every ballot in full, and the tally in the chain
    expect((await post(t, members[0]!, url('award/rounds/1/close'))).status).toBe(200)
    const closing = (await get(t, 'auditor', url('history'))).body.events.at(-1)
    expect(closing).toMatchObject({
      type: 'CLOSE_ROUND',
      data: { round: 1, tally: [{ bidId: a, votes: 5 }, { votes: 0 }, { votes: 0 }] },
    })
    for (const username of READERS) {
      for (const ndjson of [false, true]) {
        const ballots = await ballotsIn(username, ndjson)
        expect(ballots).toHaveLength(5)
        for (const ballot of ballots) {
          expect(ballot.note).toBeUndefined()
          expect(ballot.data).toMatchObject({ candidateBidId: a, reason: `${marker} 选择理由` })
        }
      }
    }
  })

  it('shows the closed round of a re-vote and withholds the open one', async () => {
    // given round 1 tied 2–2–1, a re-vote, and two ballots of round 2
    const [a, b, c] = tender.candidates as [string, string, string]
    for (const [i, member] of members.entries()) await vote(member, [a, a, b, b, c][i]!)
    expect((await post(t, members[0]!, url('award/rounds/1/close'))).status).toBe(200)
    expect((await post(t, 'purchaser', url('award/revote'))).status).toBe(200)
    expect((await post(t, members[0]!, url('award/rounds/2/open'))).status).toBe(200)
    await vote(members[0]!, a)
    await vote(members[1]!, b)
    // then round 1 is in full for every reader, round 2 withheld
    for (const username of READERS) {
      const ballots = await ballotsIn(username)
      expect(ballots.slice(0, 5).every((ballot) => ballot.data.candidateBidId !== undefined)).toBe(true)
      await expectWithheld(username, 2, 2)
    }
  })

  it('discloses an open round once the meeting ends', async () => {
    // given two ballots of an open round
    const [a] = tender.candidates as [string]
    await vote(members[0]!, a)
    await vote(members[1]!, a)
    await expectWithheld('auditor', 1, 2)
    // when the tender is cancelled, then the round is closed and its ballots show
    const cancelled = await post(t, 'purchaser', url('cancel'), { reason: '项目资金安排调整' })
    expect(cancelled.status).toBe(200)
    for (const username of READERS) {
      const ballots = await ballotsIn(username)
      expect(ballots.map((ballot) => ballot.data.candidateBidId)).toEqual([a, a])
    }
  })
})
