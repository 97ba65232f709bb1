// Test helpers for the award phase: a tender driven to 'awarding' through the real pipeline (with a
// real, verifiable expert draw), and small HTTP steps for the award meeting.
import { randomBytes } from 'node:crypto'
import { performDraw } from '../../src/draws/verifiable-draw.ts'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { newId } from '../../src/shared/ids.ts'
import { seedBidStreams } from '../support/bid-streams.ts'
import { driveTender } from '../support/drive.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import type { TestApp } from '../support/test-app.ts'

export const userId = (username: string) => DEMO_USERS.find((u) => u.username === username)!.id
export const usernameOf = (id: string) => DEMO_USERS.find((u) => u.id === id)!.username

export const EXPERTS = ['expert1', 'expert2', 'expert3', 'expert4', 'expert5'].map(userId)
export const PRICES = ['3800000000', '3650000000', '3720000000', '3900000000']

export interface AwardingTender {
  readonly tenderId: string
  readonly bidIds: readonly string[]
  /** The evaluation's three candidates (the first three bids). */
  readonly candidates: readonly string[]
}

async function streamHead(t: TestApp, tenderId: string): Promise<string> {
  const head = await t.database.db
    .selectFrom('events')
    .select('hash')
    .where('stream_id', '=', `tender-${tenderId}`)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  return head.hash
}

/** How a test tender reaches 'awarding': published over HTTP by default, bids at `PRICES`. */
export interface AwardingSetup {
  readonly publish?: (t: TestApp) => Promise<string>
  readonly prices?: readonly string[]
}

/** Opening and a verifiable expert draw, up to the evaluation committee. */
export async function driveToEvaluation(
  t: TestApp,
  tenderId: string,
  expertPool: readonly string[] = EXPERTS,
  prices: readonly string[] = PRICES,
): Promise<{ bidIds: string[]; experts: string[] }> {
  const bidIds = [1, 2, 3, 4].map(() => newId('bid'))
  const bids = bidIds.map((bidId, i) => ({
    bidId,
    bidderOrgId: demoOrg(`bidder${i + 1}`).id,
    outcome: 'opened' as const,
    priceFen: prices[i]!,
  }))
  const bidSetHash = await seedBidStreams(t, tenderId, bids)
  t.clock.advance(21 * DAY_MS)
  await driveTender(t, tenderId, [
    { type: 'CLOSE_BIDDING', bidCount: 4, bidSetHash },
    { type: 'OPEN', bids, bidSetHash },
  ])
  const { selected, ...draw } = performDraw(
    expertPool,
    5,
    randomBytes(32).toString('hex'),
    await streamHead(t, tenderId),
  )
  await driveTender(t, tenderId, [{ type: 'DRAW_EXPERTS', members: selected, draw }])
  return { bidIds, experts: [...selected] }
}

/** Published over HTTP, then opened, evaluated, reported (3 candidates) and past candidate publicity. */
export async function reachAwarding(
  t: TestApp,
  expertPool: readonly string[] = EXPERTS,
  setup: AwardingSetup = {},
): Promise<AwardingTender> {
  const tender = await reachCandidatePublicity(t, expertPool, setup)
  t.clock.advance(3 * DAY_MS)
  await driveTender(t, tender.tenderId, [{ type: 'END_PUBLICITY' }])
  return tender
}

/** Published, opened, evaluated and reported: the three candidates' publicity (中标候选人公示) runs. */
export async function reachCandidatePublicity(
  t: TestApp,
  expertPool: readonly string[] = EXPERTS,
  setup: AwardingSetup = {},
): Promise<AwardingTender> {
  const tenderId = await (setup.publish ?? createPublished)(t)
  const { bidIds, experts } = await driveToEvaluation(t, tenderId, expertPool, setup.prices)
  const candidates = bidIds.slice(0, 3)
  await driveTender(t, tenderId, [
    ...experts.map((expertId) => ({ type: 'DECLARE_NO_CONFLICT' as const, expertId })),
    ...experts.map((expertId, e) => ({
      type: 'SUBMIT_SCORES' as const,
      expertId,
      scores: bidIds.map((bidId, b) => ({ bidId, score: 80 + e + b * 2.5, comment: '符合要求' })),
    })),
    { type: 'SUBMIT_REPORT', expertId: experts[0]!, candidates, summary: '推荐三名定标候选人', dissent: [] },
  ])
  return { tenderId, bidIds, candidates }
}

export async function bearer(t: TestApp, username: string): Promise<string> {
  return `Bearer ${await t.token(username)}`
}

export async function post(t: TestApp, username: string, url: string, body: Record<string, unknown> = {}) {
  return t.http
    .post(url)
    .set('authorization', await bearer(t, username))
    .send(body)
}

export async function get(t: TestApp, username: string, url: string) {
  return t.http.get(url).set('authorization', await bearer(t, username))
}

/**
 * Forms a committee (the pack's minimum, 5, or `size`) and freezes the dossiers; returns the members'
 * usernames, the chair first (the draw names the first drawn the chair).
 */
export async function formAndFreeze(t: TestApp, tenderId: string, size?: number): Promise<string[]> {
  const body = size === undefined ? {} : { size }
  const formed = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/committee`, body)
  if (formed.status !== 200) throw new Error(`committee: ${formed.status} ${JSON.stringify(formed.body)}`)
  const frozen = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/dossiers/freeze`)
  if (frozen.status !== 200) throw new Error(`freeze: ${frozen.status} ${JSON.stringify(frozen.body)}`)
  const members = (formed.body.result.members as string[]).map(usernameOf)
  if (formed.body.result.chairId !== userId(members[0]!)) throw new Error('the chair is not the first drawn')
  return members
}

/** Each member checks in with the default declaration of no conflict of interest. */
export async function checkInAll(t: TestApp, tenderId: string, members: readonly string[]) {
  for (const member of members) {
    const res = await post(t, member, `/api/v1/tenders/${tenderId}/award/check-in`)
    if (res.status !== 200) throw new Error(`check-in: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

/** The meeting's current round and its status, as the award view says. */
export async function currentRound(
  t: TestApp,
  tenderId: string,
): Promise<{ round: number; roundStatus: string }> {
  const view = await get(t, 'purchaser', `/api/v1/tenders/${tenderId}/award`)
  return { round: view.body.round, roundStatus: view.body.roundStatus }
}

/** The chair (`members[0]`) opens or closes the current round. */
export async function chairRound(t: TestApp, tenderId: string, chair: string, step: 'open' | 'close') {
  const { round } = await currentRound(t, tenderId)
  const res = await post(t, chair, `/api/v1/tenders/${tenderId}/award/rounds/${round}/${step}`)
  if (res.status !== 200) throw new Error(`${step} round ${round}: ${res.status} ${JSON.stringify(res.body)}`)
  return res
}

/** Committee formed, dossiers frozen, every member checked in and round 1 opened by the chair. */
export async function openMeeting(t: TestApp, tenderId: string, size?: number): Promise<string[]> {
  const members = await formAndFreeze(t, tenderId, size)
  await checkInAll(t, tenderId, members)
  await chairRound(t, tenderId, members[0]!, 'open')
  return members
}

/** Each member votes in the open round; `choices[i]` is member i's candidate. The round stays open. */
export async function castBallots(
  t: TestApp,
  tenderId: string,
  members: readonly string[],
  choices: readonly string[],
) {
  for (const [i, member] of members.entries()) {
    const res = await post(t, member, `/api/v1/tenders/${tenderId}/award/ballots`, {
      candidateBidId: choices[i],
      reason: `委员${i + 1}：综合比较后选择`,
    })
    if (res.status !== 200) throw new Error(`ballot: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

/**
 * A whole round: the chair (`members[0]`) opens it if it is not open yet, every member votes
 * (`choices[i]` is member i's candidate), and the chair closes it.
 */
export async function voteRound(
  t: TestApp,
  tenderId: string,
  members: readonly string[],
  choices: readonly string[],
) {
  if ((await currentRound(t, tenderId)).roundStatus === 'pending')
    await chairRound(t, tenderId, members[0]!, 'open')
  await castBallots(t, tenderId, members, choices)
  await chairRound(t, tenderId, members[0]!, 'close')
}

/** A unanimous round for `winner`, the decision, and the end of the result publicity. */
export async function decideAndPublish(
  t: TestApp,
  tenderId: string,
  members: readonly string[],
  winner: string,
) {
  await voteRound(
    t,
    tenderId,
    members,
    members.map(() => winner),
  )
  const decided = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/decision`, {
    winnerBidId: winner,
    reasons: '定标委员会一致同意',
  })
  if (decided.status !== 200) throw new Error(`decision: ${decided.status} ${JSON.stringify(decided.body)}`)
  t.clock.advance(3 * DAY_MS)
  await driveTender(t, tenderId, [{ type: 'END_PUBLICITY' }])
}

/** The tender's latest event, as stored. */
export async function lastTenderEvent(t: TestApp, tenderId: string) {
  return t.database.db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', `tender-${tenderId}`)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
}
