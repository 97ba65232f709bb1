// The demo's award (定标) phase: committee draw, frozen dossiers, the meeting (check-in, the chair's
// round, secret ballots: demo-meeting.ts), the decision with reasons, result publicity, the award
// notice, the contract, and the auditor's replay of the chain.
import { DAY_MS } from '../shared/clock.ts'
import { type DemoClient, seededUsernames } from './demo-client.ts'
import { runMeeting } from './demo-meeting.ts'
import { heading, line, shanghai, yuan } from './demo-print.ts'
import type { DemoTime } from './demo-scenario.ts'

interface Command {
  tender: {
    state: string
    publicityEndsAt: string | null
    winnerBidId: string | null
    contractDueAt: string | null
  }
  event: { seq: number; hash: string }
}
interface Dossier {
  bidId: string
  bidderName: string
  priceFen: string
  credit: { outcome: string; findings: { summary: string }[] }
}

export async function runAwardPhase(
  api: DemoClient,
  time: DemoTime,
  id: string,
  candidates: string[],
): Promise<boolean> {
  const t = (path: string) => `/api/v1/tenders/${id}${path}`
  heading('随机抽取定标委员会（可验证抽取）', "Draw the award committee from the purchaser's member pool")
  await api.as<Command>('purchaser', 'POST', t('/award/committee'), {})
  const award = await api.as<{ committee: { chairId: string; members: { userId: string }[] } }>(
    'purchaser',
    'GET',
    t('/award'),
  )
  const members = await seededUsernames(
    api,
    'member',
    award.committee.members.map((m) => m.userId),
  )
  const [chair] = await seededUsernames(api, 'member', [award.committee.chairId])
  line(`定标委员 / members: ${members.join(', ')} · 主任 / chair: ${chair}`)

  heading(
    '冻结候选人档案（报价、评标结果、信用）',
    'Freeze the candidate dossiers (price, evaluation, credit), identical for every member',
  )
  await api.as<Command>('purchaser', 'POST', t('/award/dossiers/freeze'), {})
  const { dossiers, dossierHash } = await api.as<{ dossiers: Dossier[]; dossierHash: string }>(
    members[0]!,
    'GET',
    t('/award/dossiers'),
  )
  for (const d of dossiers) {
    const finding = d.credit.findings[0]?.summary
    line(
      `${d.bidderName} · ${yuan(d.priceFen)} · 信用 / credit ${d.credit.outcome}${finding ? ` · ${finding}` : ''}`,
    )
  }
  line(`档案哈希 / dossier hash ${dossierHash.slice(0, 16)}…`)

  const [favourite, runnerUp] = [candidates[0]!, candidates[1]!]
  const tally = await runMeeting(api, id, {
    members,
    chair: chair!,
    ballots: members.map((_, i) => ({
      candidateBidId: i < 3 ? favourite : runnerUp,
      reason: i < 3 ? '技术方案最优，项目经理业绩突出' : '报价更低，履约评价良好',
    })),
  })
  for (const d of dossiers)
    line(`${d.bidderName}: ${tally.find((x) => x.bidId === d.bidId)?.votes ?? 0} 票 / votes`)

  heading('招标人按票决结果定标并记录理由', 'The purchaser records the decision with reasons')
  const decided = await api.as<Command>('purchaser', 'POST', t('/award/decision'), {
    winnerBidId: favourite,
    reasons: '定标委员会以3票对2票选定该候选人：技术方案最优，项目经理同类业绩突出，信用良好。',
  })
  const winner = dossiers.find((d) => d.bidId === favourite)
  line(`中标人 / winner: ${winner?.bidderName} · ${yuan(winner?.priceFen ?? '0')}`)
  line(`结果公示至 / result publicity until ${shanghai(decided.tender.publicityEndsAt ?? '')}`)

  heading('结果公示期满，发出中标通知书', 'Result publicity ends; the award notice is issued')
  time.advance(3 * DAY_MS + 60_000)
  await api.as<Command>('purchaser', 'POST', t('/publicity/end'), {})
  const notice = await api.as<Command>('purchaser', 'POST', t('/award-notice'), {})
  line(`合同签订期限 / contract due by ${shanghai(notice.tender.contractDueAt ?? '')}`)

  heading('签订合同，项目完成', 'The contract is signed; the tender is complete')
  time.advance(12 * DAY_MS)
  const done = await api.as<Command>('purchaser', 'POST', t('/contract'), {
    contractRef: `HT-${id.slice(4, 12)}`,
  })
  line(`状态 / state: ${done.tender.state}`)

  heading('审计：校验哈希链并重放全部事件', 'Audit: verify the hash chain and replay every event')
  const replay = await api.as<Replay>('auditor', 'GET', t('/replay'))
  line(
    `哈希链 / hash chain: ${replay.chain.ok ? '完整 intact' : `损坏 broken at seq ${replay.chain.firstBadSeq}`} · ${replay.chain.length} events · head ${replay.chain.headHash.slice(0, 16)}…`,
  )
  line(
    `重放 / replay: ${replay.replay.ok ? '一致 matches the projection' : 'MISMATCH'} · final state ${replay.replay.finalState}`,
  )
  line(`抽取复核 / draws re-run: ${replay.draws.ok ? '一致 reproduced' : 'MISMATCH'}`)
  const ok = replay.ok && done.tender.state === 'completed'
  console.log(
    `\n${ok ? '演示完成' : '演示失败'} / demo ${ok ? 'complete' : 'FAILED'} · 中标人 / winner: ${winner?.bidderName} · ${yuan(winner?.priceFen ?? '0')}`,
  )
  return ok
}

interface Replay {
  ok: boolean
  draws: { ok: boolean }
  chain: { ok: boolean; length: number; headHash: string; firstBadSeq: number | null }
  replay: { ok: boolean; finalState: string }
}
