// The demo's story, phase by phase, over the HTTP API. Each step prints what happened in Chinese
// and English; any refused request stops the demo with the problem the server gave.
import { demoOrg } from '../organisations/demo-directory.ts'
import { DAY_MS } from '../shared/clock.ts'
import { runAwardPhase } from './demo-award.ts'
import { type DemoClient, seededUsernames } from './demo-client.ts'
import { heading, line, shanghai, yuan } from './demo-print.ts'
import { DEMO_BIDDERS, DEMO_PRICES, DEMO_SCORES, demoTenderBody, REPLACEMENT_PRICE } from './demo-tender.ts'

export interface DemoTime {
  advance(ms: number): void
  now(): Date
}

/** Where the demo may stop early: `award` leaves the tender at the award meeting, for the browser. */
export const DEMO_STOPS = ['award'] as const
export type DemoStop = (typeof DEMO_STOPS)[number]

/** How the demo ended: the whole story, or stopped at `stop` with this tender waiting. */
export type DemoOutcome =
  | { readonly ok: false }
  | { readonly ok: true; readonly tenderId: string; readonly stoppedAt?: DemoStop }

interface TenderView {
  id: string
  state: string
  deadline: string | null
  publicityEndsAt: string | null
  candidates: string[]
  winnerBidId: string | null
}
interface Command {
  tender: TenderView
  event: { seq: number; type: string; hash: string }
}

export async function runDemoScenario(
  api: DemoClient,
  time: DemoTime,
  until?: DemoStop,
): Promise<DemoOutcome> {
  const runTag = `${time.now().toISOString().slice(0, 10).replaceAll('-', '')}-${Math.floor(Math.random() * 9000 + 1000)}`
  heading('招标人创建招标项目', 'The purchaser drafts the tender')
  const draft = await api.as<TenderView>('purchaser', 'POST', '/api/v1/tenders', demoTenderBody(runTag))
  const id = draft.id
  const t = (path: string) => `/api/v1/tenders/${id}${path}`
  line(`${id} · NHSZ-${runTag} · ${draft.state}`)

  heading(
    '发布招标公告（评定分离，简单多数票决定标）',
    'Publish: evaluate-then-decide, simple-majority award vote',
  )
  const deadline = new Date(time.now().getTime() + 21 * DAY_MS).toISOString()
  const published = await api.as<Command>('purchaser', 'POST', t('/publish'), {
    deadline,
    evaluationMethod: 'comprehensive',
    awardMethod: 'simpleMajority',
    awardFactors: ['投标报价', '企业信用', '项目经理业绩', '履约评价'],
  })
  line(
    `投标截止 / deadline: ${shanghai(deadline)} · rule pack cn-national-bidding · state ${published.tender.state}`,
  )

  heading('投标人提问，招标人公开答复', 'A bidder asks (anonymously), the purchaser answers publicly')
  time.advance(2 * DAY_MS)
  const question = await api.as<{ id: string }>('bidder2', 'POST', t('/questions'), {
    question:
      '雨污分流管网是否包含既有管道的检测费用？ Does the drainage scope include surveying existing pipes?',
  })
  await api.as('purchaser', 'POST', t(`/questions/${question.id}/answer`), {
    answer: '包含，详见工程量清单第3章。 Yes: see chapter 3 of the bill of quantities.',
  })
  line("问题与答复已公开，提问人身份不公开 / published without the asker's identity")

  heading('五家投标人提交投标，一家修改报价', 'Five bidders bid; one replaces its bid')
  time.advance(10 * DAY_MS)
  for (const bidder of DEMO_BIDDERS) {
    await api.as(bidder, 'POST', t('/bids'), { bid: bidBody(DEMO_PRICES[bidder]) })
    line(`${bidder} 已提交 / submitted`)
  }
  time.advance(3 * DAY_MS)
  await api.as('bidder3', 'POST', t('/bids'), { bid: bidBody(REPLACEMENT_PRICE) })
  line(`bidder3 以新投标替换原投标 / replaced its bid (${yuan(REPLACEMENT_PRICE)})`)

  await showBannedBidder(api, t)

  heading('投标截止，开标', 'The deadline passes: close bidding and open the bids (开标)')
  time.advance(new Date(deadline).getTime() - time.now().getTime() + 60_000)
  const closed = await api.as<Command>('operator', 'POST', t('/close-bidding'), {})
  line(
    `截止时投标数 / bids at the deadline: committed set, event seq ${closed.event.seq} · ${closed.tender.state}`,
  )
  await api.as<Command>('operator', 'POST', t('/open'), {})
  const opening = await api.as<OpeningRecord>('purchaser', 'GET', t('/opening'))
  for (const bid of opening.bids) {
    line(`${bid.bidderName} · ${bid.outcome} · ${bid.priceFen ? yuan(bid.priceFen) : '—'}`)
  }
  line(`投标集合哈希 / bid-set hash ${opening.bidSetHash}`)
  await showOpeningCredit(api, t)

  const candidates = await runEvaluation(api, time, t, opening)
  if (until === 'award') return { ok: true, tenderId: id, stoppedAt: 'award' }
  return (await runAwardPhase(api, time, id, candidates)) ? { ok: true, tenderId: id } : { ok: false }
}

/**
 * bidder6 is under a bidding ban in the demo's credit register (demo-credit.ts): its bid is refused. A
 * server whose register lacks the demo data (e.g. a test app) has no such ban: the step says so.
 */
async function showBannedBidder(api: DemoClient, t: (path: string) => string): Promise<void> {
  heading(
    '信用核查：被禁止投标的投标人被拒绝',
    'Credit check at submission: a bidder under a bidding ban is refused',
  )
  const uscc = demoOrg('bidder6').uscc
  const register = await api.as<{ outcome: string }>('operator', 'GET', `/api/v1/credit/${uscc}`)
  if (register.outcome !== 'flag') {
    line(`信用库无演示数据，跳过 / the credit register holds no demo data (${register.outcome}): skipped`)
    return
  }
  const refusal = await api.refused('bidder6', 'POST', t('/bids'), { bid: bidBody('3600000000') })
  line(`bidder6 → ${refusal.status} ${refusal.code}`)
  line(refusal.detail)
}

interface CreditFlags {
  bids: {
    bidderName: string
    credit: { outcome: string; judgedAt: string; findings: { summary: string }[] } | null
  }[]
}

/** The opening's credit snapshots as the evaluation committee sees them (judged at the deadline). */
async function showOpeningCredit(api: DemoClient, t: (path: string) => string): Promise<void> {
  const view = await api.as<CreditFlags>('operator', 'GET', t('/evaluation'))
  for (const bid of view.bids) {
    const finding = bid.credit?.findings[0]?.summary
    line(`信用 / credit · ${bid.bidderName}: ${bid.credit?.outcome ?? '—'}${finding ? ` · ${finding}` : ''}`)
  }
}

interface OpeningRecord {
  bidSetHash: string
  bids: { bidId: string; bidderName: string; bidderOrgId: string; outcome: string; priceFen: string | null }[]
}

function bidBody(priceFen: string) {
  return {
    priceFen,
    durationDays: 180,
    declarations: { noCollusion: true, qualificationsMet: true },
  }
}

async function runEvaluation(
  api: DemoClient,
  time: DemoTime,
  t: (path: string) => string,
  opening: OpeningRecord,
): Promise<string[]> {
  heading('随机抽取评标专家（可验证抽取）', 'Draw the expert committee (verifiable random draw)')
  const draw = await api.as<Command>('operator', 'POST', t('/evaluation/committee'), {})
  const evaluation = await api.as<{ committee: { expertId: string }[]; draw: { seed: string } }>(
    'operator',
    'GET',
    t('/evaluation'),
  )
  const experts = evaluation.committee.map((m) => m.expertId)
  line(
    `从专家库抽取 ${experts.length} 名 / drew ${experts.length} experts · seed ${evaluation.draw.seed.slice(0, 16)}… (event ${draw.event.seq})`,
  )

  heading('专家声明无利害关系并评分', 'Experts declare no conflict of interest and score every bid')
  const usernames = await seededUsernames(api, 'expert', experts)
  const opened = opening.bids.filter((b) => b.outcome === 'opened')
  for (const [i, username] of usernames.entries()) {
    await api.as(username, 'POST', t('/evaluation/declarations'), { noConflict: true })
    const scores = opened.map((bid) => ({
      bidId: bid.bidId,
      score: scoreFor(bid.bidderOrgId, i),
      comment: '技术方案完整，工期保证措施可行 / sound technical plan',
    }))
    await api.as(username, 'POST', t('/evaluation/scores'), { scores })
  }
  line(`${usernames.length} 名专家完成评分 / ${usernames.length} experts scored ${opened.length} bids`)

  heading(
    '评标委员会提交评标报告，推荐三名定标候选人（不排序）',
    'The committee reports three unranked candidates',
  )
  const ranked = [...opened].sort((a, b) => totalScore(b.bidderOrgId) - totalScore(a.bidderOrgId))
  const candidates = ranked.slice(0, 3).map((b) => b.bidId)
  const report = await api.as<Command>(usernames[0]!, 'POST', t('/evaluation/report'), {
    candidates,
    summary: '三家投标人技术、商务均满足招标文件要求，推荐为定标候选人。',
  })
  for (const bid of ranked.slice(0, 3))
    line(`候选人 / candidate: ${bid.bidderName} · ${yuan(bid.priceFen ?? '0')}`)
  line(`公示至 / publicity until ${shanghai(report.tender.publicityEndsAt ?? '')}`)

  heading('候选人公示期满', 'Candidate publicity ends with no objection')
  time.advance(3 * DAY_MS + 60_000)
  const ended = await api.as<Command>('purchaser', 'POST', t('/publicity/end'), {})
  line(`状态 / state: ${ended.tender.state}`)
  return candidates
}

function bidderKey(orgId: string): (typeof DEMO_BIDDERS)[number] {
  const key = DEMO_BIDDERS.find((k) => demoOrg(k).id === orgId)
  if (!key) throw new Error(`bidder ${orgId} is not in the demo directory`)
  return key
}

const scoreFor = (orgId: string, expert: number) => DEMO_SCORES[bidderKey(orgId)][expert % 5]!

const totalScore = (orgId: string) => DEMO_SCORES[bidderKey(orgId)].reduce((a, b) => a + b, 0)
