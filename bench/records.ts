// `npm run bench:records`: render and sign the evaluation report (评标报告) of a tender with 50 bids
// and 7 experts, driven through the real command pipeline on an in-memory PGlite. Prints the medians
// of several runs after a warm-up: render_ms (PDF from the record's input), sign_ms (SHA-256 of the
// PDF plus the compact JWS the record pipeline signs), bytes (the PDF), and load_ms (the input from
// the events) and pages for context. Goal: under 200 ms and under 300 KB.

import { createHash, randomBytes } from 'node:crypto'
import type { Role } from '../src/auth/actor.ts'
import { completeUscc } from '../src/credit/uscc.ts'
import { openPglite } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { performDraw } from '../src/draws/verifiable-draw.ts'
import { readStream } from '../src/events/event-store.ts'
import { tenderStreamId } from '../src/events/stream-ids.ts'
import { kekFromBase64 } from '../src/keys/kek.ts'
import { createPlatformKeys } from '../src/keys/platform-keys.ts'
import { DEMO_USERS } from '../src/organisations/demo-directory.ts'
import { seedDemoDirectory } from '../src/organisations/seed-demo-directory.ts'
import { executeTenderCommand, type ProposedEvent } from '../src/pipeline/tender-command.ts'
import { tenderCommandDeps } from '../src/pipeline-follow-ups.ts'
import { loadRecordInput } from '../src/records/inputs/load-record-input.ts'
import { type RecordRequest, recordIdFor } from '../src/records/record-types.ts'
import { renderRecordPdf } from '../src/records/render/render-record.ts'
import { DAY_MS, manualClock } from '../src/shared/clock.ts'
import { newId } from '../src/shared/ids.ts'
import { createTender } from '../src/tendering/create-tender.ts'
import { publishTender } from '../src/tendering/tender-commands.ts'

const RUNS = Number(process.env.RUNS ?? 9)
const BIDS = 50
const EXPERTS = 7

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function actorOf(username: string) {
  const user = DEMO_USERS.find((u) => u.username === username)!
  return {
    userId: user.id,
    orgId: user.orgId,
    roles: user.roles as Role[],
    ip: '127.0.0.1',
    requestId: 'bench',
  }
}

const database = await openPglite(null)
const { db } = database
await migrateToLatest(db)
const clock = manualClock('2026-03-02T01:30:00.000Z')
await seedDemoDirectory(db, clock)
const keys = await createPlatformKeys(db, kekFromBase64(randomBytes(32).toString('base64')), clock)
const deps = tenderCommandDeps(db, clock)

// 50 bidder organisations with valid USCCs.
const bidders = Array.from({ length: BIDS }, (_, i) => ({
  id: `org_bench${String(i + 1).padStart(27, '0')}`,
  uscc: completeUscc(`91440604MA5${String(10000 + i)}`),
  name: `佛山市第${i + 1}建设工程集团有限公司（基准测试）`,
  name_en: `Bench bidder ${i + 1}`,
  kind: 'bidder' as const,
  created_at: clock.now(),
}))
await db.insertInto('organisations').values(bidders).execute()

const tender = await createTender(deps, actorOf('purchaser'), {
  title: '佛山市南海区桂澜路市政道路改造工程（基准测试）',
  reference: 'BENCH-2026-050',
  description: '50 家投标、7 名评标专家的评标报告基准测试',
  category: 'works',
  estimatedValueFen: '3850000000',
  ceilingPriceFen: '4000000000',
})
await publishTender(
  { ...deps, keys },
  actorOf('purchaser'),
  tender.id,
  {
    deadline: new Date(clock.now().getTime() + 21 * DAY_MS).toISOString(),
    evaluationMethod: 'comprehensive',
    awardMethod: 'simpleMajority',
    awardFactors: ['投标报价', '企业信用', '履约评价'],
  },
  undefined,
)

async function drive(events: ProposedEvent[]) {
  for (const event of events) {
    await executeTenderCommand(deps, {
      tenderId: tender.id,
      actor: actorOf('operator'),
      ifMatch: undefined,
      authorize: () => {},
      decide: () => event,
    })
  }
}

clock.advance(21 * DAY_MS)
const bidIds = bidders.map(() => newId('bid'))
const failed = new Set([7, 23]) // two bids that could not be decrypted
await drive([
  { type: 'CLOSE_BIDDING', bidCount: BIDS, bidSetHash: createHash('sha256').update('bench').digest('hex') },
  {
    type: 'OPEN',
    bidSetHash: createHash('sha256').update('bench').digest('hex'),
    bids: bidIds.map((bidId, i) => ({
      bidId,
      bidderOrgId: bidders[i]!.id,
      outcome: failed.has(i) ? (i === 7 ? 'decryptFailedBidder' : 'decryptFailedOther') : 'opened',
      priceFen: failed.has(i) ? null : String(3_500_000_000 + i * 7_654_321),
    })),
  },
])
const pool = DEMO_USERS.filter((u) => u.roles.includes('expert')).map((u) => u.id)
const stream = await readStream(db, tenderStreamId(tender.id))
const { selected, ...draw } = performDraw(pool, EXPERTS, randomBytes(32).toString('hex'), stream.at(-1)!.hash)
const rejected = [3, 11, 40].map((i) => bidIds[i]!)
const valid = bidIds.filter((id, i) => !failed.has(i) && !rejected.includes(id))
await drive([
  { type: 'DRAW_EXPERTS', members: selected, draw },
  ...selected.map((expertId) => ({ type: 'DECLARE_NO_CONFLICT' as const, expertId })),
  ...rejected.map((bidId) => ({
    type: 'REJECT_BID' as const,
    expertId: selected[0]!,
    bidId,
    ground: '投标文件未按招标文件要求提供有效的投标保证金，属于重大偏差',
  })),
  ...selected.map((expertId, e) => ({
    type: 'SUBMIT_SCORES' as const,
    expertId,
    scores: valid.map((bidId, b) => ({
      bidId,
      score: 70 + ((b * 7 + e * 3) % 2500) / 100,
      comment: '符合要求',
    })),
  })),
  {
    type: 'SUBMIT_REPORT',
    expertId: selected[0]!,
    candidates: valid.slice(0, 3),
    summary:
      '评标委员会按招标文件规定的综合评估法对全部有效投标进行了评审，推荐三名定标候选人，排名不分先后。',
    dissent: [{ expertId: selected[6]!, opinion: '对部分投标人的施工组织设计评分持保留意见。' }],
  },
])

const last = (await readStream(db, tenderStreamId(tender.id))).at(-1)!
const request: RecordRequest = {
  tenderId: tender.id,
  type: 'evaluation_report',
  certified: {
    streamId: last.streamId,
    seq: last.seq,
    hash: last.hash,
    type: last.type,
    recordedAt: last.recordedAt,
  },
  recipientOrgId: null,
}
const recordId = recordIdFor(request)

async function once() {
  const t0 = performance.now()
  const input = await loadRecordInput(db, request)
  const t1 = performance.now()
  const pdf = await renderRecordPdf(input, { recordId, request })
  const t2 = performance.now()
  const sha256 = createHash('sha256').update(pdf).digest('hex')
  await keys.sign(
    {
      record_id: recordId,
      type: request.type,
      tender_id: request.tenderId,
      event: { stream: request.certified.streamId, seq: request.certified.seq, hash: request.certified.hash },
      pdf_sha256: sha256,
      issued_at: request.certified.recordedAt,
    },
    'youxuan-record+jws',
  )
  const t3 = performance.now()
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
  return { load: t1 - t0, render: t2 - t1, sign: t3 - t2, bytes: pdf.length, pdf: sha256, pages }
}

for (let i = 0; i < 3; i++) await once() // warm-up: font parsing, JIT
const runs = []
for (let i = 0; i < RUNS; i++) runs.push(await once())
if (new Set(runs.map((r) => r.pdf)).size !== 1) throw new Error('the same input rendered different bytes')
const fixed = (n: number) => n.toFixed(1)
console.log(
  `render_ms=${fixed(median(runs.map((r) => r.render)))} sign_ms=${fixed(median(runs.map((r) => r.sign)))} ` +
    `bytes=${runs[0]!.bytes} load_ms=${fixed(median(runs.map((r) => r.load)))} pages=${runs[0]!.pages} runs=${RUNS}`,
)
await database.close()
