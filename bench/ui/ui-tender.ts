// The bench's tender: created and published by the purchaser, 100 clarification questions asked (by a
// withheld bidder) and answered, closed and opened with 50 bids, 7 experts drawn, scored and reported,
// past candidate publicity (about 200 events), through the real command pipeline as bench/records.ts
// does; then the records outbox is drained so the overview lists signed records to verify.
import { createHash, randomBytes } from 'node:crypto'
import { withheldIdentity } from '../../src/audit-log/withheld-identity.ts'
import type { Actor, Role } from '../../src/auth/actor.ts'
import { completeUscc } from '../../src/credit/uscc.ts'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { performDraw } from '../../src/draws/verifiable-draw.ts'
import { readStream } from '../../src/events/event-store.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import type { PlatformKeys } from '../../src/keys/platform-keys.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { executeTenderCommand, type ProposedEvent } from '../../src/pipeline/tender-command.ts'
import { tenderCommandDeps } from '../../src/pipeline-follow-ups.ts'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { DAY_MS, type ManualClock } from '../../src/shared/clock.ts'
import { newId } from '../../src/shared/ids.ts'
import { createTender } from '../../src/tendering/create-tender.ts'
import { publishTender } from '../../src/tendering/tender-commands.ts'

const BIDS = 50
const EXPERTS = 7
const QUESTIONS = 90

export function actorOf(username: string): Actor {
  const user = DEMO_USERS.find((u) => u.username === username)!
  return {
    userId: user.id,
    orgId: user.orgId,
    roles: user.roles as Role[],
    ip: '127.0.0.1',
    requestId: 'bench',
  }
}

export async function benchTender(
  database: DatabaseHandle,
  clock: ManualClock,
  keys: PlatformKeys,
): Promise<{ tenderId: string; events: number; records: number }> {
  const { db } = database
  const deps = tenderCommandDeps(db, clock)
  const bidders = Array.from({ length: BIDS }, (_, i) => ({
    id: `org_uibench${String(i + 1).padStart(25, '0')}`,
    uscc: completeUscc(`91440604MA6${String(10000 + i)}`),
    name: `佛山市第${i + 1}建设工程集团有限公司（基准测试）`,
    name_en: `Bench bidder ${i + 1}`,
    kind: 'bidder' as const,
    created_at: clock.now(),
  }))
  await db.insertInto('organisations').values(bidders).execute()
  const purchaser = actorOf('purchaser')
  const tender = await createTender(deps, purchaser, {
    title: '佛山市南海区桂澜路市政道路改造工程（页面基准测试）',
    reference: 'BENCH-UI-050',
    description: '50 家投标、约 200 个事件的项目概览页面基准测试',
    category: 'works',
    estimatedValueFen: '3850000000',
    ceilingPriceFen: '4000000000',
  })
  await publishTender(
    { ...deps, keys },
    purchaser,
    tender.id,
    {
      deadline: new Date(clock.now().getTime() + 21 * DAY_MS).toISOString(),
      evaluationMethod: 'comprehensive',
      awardMethod: 'simpleMajority',
      awardFactors: ['投标报价', '企业信用'],
    },
    undefined,
  )
  const drive = async (events: ProposedEvent[], actor = actorOf('operator')) => {
    for (const event of events)
      await executeTenderCommand(deps, {
        tenderId: tender.id,
        actor,
        ifMatch: undefined,
        authorize: () => {},
        decide: () => event,
      })
  }
  for (let q = 0; q < QUESTIONS; q++) {
    const questionId = newId('qst')
    const contentHash = createHash('sha256').update(`question ${q}`).digest('hex')
    await drive([{ type: 'QUESTION_ASKED', questionId, contentHash }], withheldIdentity(actorOf('bidder1')))
    await drive([{ type: 'QUESTION_ANSWERED', questionId, contentHash }], purchaser)
  }
  clock.advance(21 * DAY_MS)
  const bidSetHash = createHash('sha256').update('bench-ui').digest('hex')
  const bidIds = bidders.map(() => newId('bid'))
  await drive([
    { type: 'CLOSE_BIDDING', bidCount: BIDS, bidSetHash },
    {
      type: 'OPEN',
      bidSetHash,
      bids: bidIds.map((bidId, i) => ({
        bidId,
        bidderOrgId: bidders[i]!.id,
        outcome: 'opened' as const,
        priceFen: String(3_500_000_000 + i * 7_654_321),
      })),
    },
  ])
  const pool = DEMO_USERS.filter((u) => u.roles.includes('expert')).map((u) => u.id)
  const head = (await readStream(db, tenderStreamId(tender.id))).at(-1)!.hash
  const { selected, ...draw } = performDraw(pool, EXPERTS, randomBytes(32).toString('hex'), head)
  await drive([
    { type: 'DRAW_EXPERTS', members: selected, draw },
    ...selected.map((expertId) => ({ type: 'DECLARE_NO_CONFLICT' as const, expertId })),
    ...selected.map((expertId, e) => ({
      type: 'SUBMIT_SCORES' as const,
      expertId,
      scores: bidIds.map((bidId, b) => ({
        bidId,
        score: 70 + ((b * 7 + e * 3) % 2500) / 100,
        comment: '符合要求',
      })),
    })),
    {
      type: 'SUBMIT_REPORT',
      expertId: selected[0]!,
      candidates: bidIds.slice(0, 3),
      summary: '推荐三名定标候选人',
      dissent: [],
    },
  ])
  clock.advance(3 * DAY_MS)
  await drive([{ type: 'END_PUBLICITY' }])
  const issued = await drainRecordOutbox({ db, clock, keys })
  const events = (await readStream(db, tenderStreamId(tender.id))).length
  return { tenderId: tender.id, events, records: issued.length }
}
