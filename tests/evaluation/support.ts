// Steps shared by the evaluation tests: a tender brought to evaluation (published over HTTP, closed and
// opened through the real pipeline), and the committee's HTTP calls.
import { randomBytes } from 'node:crypto'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import type { OpenedBid } from '../../state-machines/tender.events.ts'
import { driveTender } from '../support/drive.ts'
import type { TestApp } from '../support/test-app.ts'

export const newBidId = () => `bid_${randomBytes(16).toString('hex')}`

export const PRICES_FEN = ['3712000000', '3650000000', '3801500000', '3598000000']

const tokens = new WeakMap<TestApp, Map<string, string>>()

/** "Bearer …" for a demo user, by username ("purchaser", "expert3") or user id. */
export async function auth(t: TestApp, user: string): Promise<string> {
  const username = DEMO_USERS.find((u) => u.id === user)?.username ?? user
  const cache = tokens.get(t) ?? new Map<string, string>()
  tokens.set(t, cache)
  if (!cache.has(username)) cache.set(username, `Bearer ${await t.token(username)}`)
  return cache.get(username)!
}

export const EXPERT_IDS = DEMO_USERS.filter((u) => u.roles.includes('expert')).map((u) => u.id)

/** Experts of the seeded pool who are not on this committee. */
export const outsiders = (members: readonly string[]) => EXPERT_IDS.filter((id) => !members.includes(id))

export async function publishedTender(t: TestApp): Promise<string> {
  const purchaser = await auth(t, 'purchaser')
  const created = await t.http.post('/api/v1/tenders').set('authorization', purchaser).send({
    reference: 'NHSZ-2026-031',
    title: '南海区桂澜路市政道路改造工程施工',
    description: '桂澜路道路改造，全长2.3公里',
    category: 'works',
    estimatedValueFen: '3850000000',
    ceilingPriceFen: '4000000000',
  })
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  const id = created.body.id as string
  const published = await t.http
    .post(`/api/v1/tenders/${id}/publish`)
    .set('authorization', purchaser)
    .send({
      deadline: new Date(t.clock.now().getTime() + 21 * DAY_MS).toISOString(),
      evaluationMethod: 'comprehensive',
      awardMethod: 'simpleMajority',
      awardFactors: ['投标报价'],
    })
  if (published.status !== 200)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`)
  return id
}

export interface EvaluationTender {
  readonly id: string
  readonly bids: readonly OpenedBid[]
}

/** A published tender past its deadline with four bids opened: the evaluation phase. */
export async function tenderInEvaluation(t: TestApp): Promise<EvaluationTender> {
  const id = await publishedTender(t)
  t.clock.advance(21 * DAY_MS + 60_000)
  const bids: OpenedBid[] = PRICES_FEN.map((priceFen, i) => ({
    bidId: newBidId(),
    bidderOrgId: demoOrg(`bidder${i + 1}`).id,
    outcome: 'opened',
    priceFen,
  }))
  await driveTender(t, id, [
    { type: 'CLOSE_BIDDING', bidCount: 4, bidSetHash: 'x'.repeat(64) },
    { type: 'OPEN', bids, bidSetHash: 'x'.repeat(64) },
  ])
  return { id, bids }
}

export async function drawCommittee(t: TestApp, id: string, size?: number): Promise<string[]> {
  const res = await t.http
    .post(`/api/v1/tenders/${id}/evaluation/committee`)
    .set('authorization', await auth(t, 'purchaser'))
    .send(size === undefined ? {} : { size })
  if (res.status !== 200) throw new Error(`draw: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.result.members as string[]
}

export async function declare(t: TestApp, id: string, expertId: string) {
  return t.http
    .post(`/api/v1/tenders/${id}/evaluation/declarations`)
    .set('authorization', await auth(t, expertId))
    .send({ noConflict: true, statement: '本人与各投标人无利害关系' })
}

export async function score(
  t: TestApp,
  id: string,
  expertId: string,
  bidIds: readonly string[],
  marks: number[],
) {
  return t.http
    .post(`/api/v1/tenders/${id}/evaluation/scores`)
    .set('authorization', await auth(t, expertId))
    .send({ scores: bidIds.map((bidId, i) => ({ bidId, score: marks[i] ?? 80, comment: '评审意见' })) })
}

export async function report(t: TestApp, id: string, expertId: string, body: Record<string, unknown>) {
  return t.http
    .post(`/api/v1/tenders/${id}/evaluation/report`)
    .set('authorization', await auth(t, expertId))
    .send({ summary: '经评审，推荐定标候选人如下', ...body })
}

/** Every member declares; fails loudly if one is refused. */
export async function declareAll(t: TestApp, id: string, members: readonly string[]): Promise<void> {
  for (const member of members) {
    const res = await declare(t, id, member)
    if (res.status !== 200) throw new Error(`declare: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

/** Every member scores the given bids, member i giving `base + i` to each. */
export async function scoreAll(
  t: TestApp,
  id: string,
  members: readonly string[],
  bidIds: readonly string[],
  base = 80,
) {
  for (const [i, member] of members.entries()) {
    const res = await score(
      t,
      id,
      member,
      bidIds,
      bidIds.map(() => base + i),
    )
    if (res.status !== 200) throw new Error(`score: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

/** From evaluation to candidate publicity: draw, declare, score all four bids, report the first two. */
export async function tenderInPublicity(t: TestApp) {
  const tender = await tenderInEvaluation(t)
  const members = await drawCommittee(t, tender.id)
  await declareAll(t, tender.id, members)
  const bidIds = tender.bids.map((b) => b.bidId)
  await scoreAll(t, tender.id, members, bidIds)
  const res = await report(t, tender.id, members[0]!, { candidates: bidIds.slice(0, 2) })
  if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`)
  return { ...tender, members, bidIds }
}

export async function evaluationOf(t: TestApp, id: string, reader = 'supervisor') {
  return t.http.get(`/api/v1/tenders/${id}/evaluation`).set('authorization', await auth(t, reader))
}

export async function tenderVersion(t: TestApp, id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('tenders')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.version
}
