// The award report's meeting sections: attendance with the quorum, check-in declarations and recusals,
// and every round (opened and closed by the chair) with its ballots, reasons and tally.
import { orDash, shanghaiTime } from './format.ts'
import type { Block } from './layout.ts'
import type { AwardReportInput, Party } from './record-input.ts'
import { partyName, personName } from './sections.ts'

export function candidateName(input: AwardReportInput): (bidId: string) => string {
  const names = new Map<string, Party>(input.candidates.map((c) => [c.bidId, c.bidder]))
  return (bidId) => {
    const party = names.get(bidId)
    return party ? partyName(party) : bidId
  }
}

/** When the chair opened and closed a round, where the sitting recorded it. */
function roundTimes(r: AwardReportInput['rounds'][number]): string {
  if (r.openedAt === null && r.closedAt === null) return ''
  const closed = r.closedAt === null ? '' : `，主任结束本轮并唱票：${shanghaiTime(r.closedAt)}`
  return `（主任开启：${r.openedAt === null ? '—' : shanghaiTime(r.openedAt)}${closed}）`
}

export function roundBlocks(input: AwardReportInput): Block[] {
  if (input.rounds.length === 0) return [{ kind: 'paragraph', text: '没有投票记录。' }]
  const nameOf = candidateName(input)
  const multipleVotes = input.rounds.some((r) => r.vote > 1)
  return input.rounds.flatMap((r): Block[] => [
    {
      kind: 'paragraph',
      text:
        `${multipleVotes ? `第 ${r.vote} 次表决 ` : ''}第 ${r.round} 轮投票${roundTimes(r)}，参选候选人：` +
        r.activeCandidates.map(nameOf).join('、'),
    },
    {
      kind: 'table',
      small: true,
      columns: [
        { header: '事件号', weight: 6, align: 'center' },
        { header: '委员', weight: 12 },
        { header: '所投候选人', weight: 22 },
        { header: '理由', weight: 38 },
        { header: '投票时间（UTC+8）', weight: 15 },
      ],
      rows: r.ballots.map((b) => [
        String(b.seq),
        personName(b.member),
        nameOf(b.candidateBidId),
        b.reason || '—',
        shanghaiTime(b.castAt),
      ]),
      empty: '本轮无人投票。',
    },
    {
      kind: 'table',
      small: true,
      columns: [
        { header: '候选人', weight: 50 },
        { header: '得票', weight: 10, align: 'right' },
      ],
      rows: r.tally.map((t) => [nameOf(t.bidId), String(t.votes)]),
      empty: '—',
    },
  ])
}

const ATTENDANCE_NAMES: Readonly<Record<string, string>> = {
  checkedIn: '已签到',
  recused: '回避',
  absent: '缺席',
}
const DECLARATION_NAMES: Readonly<Record<string, string>> = {
  CHECK_IN: '签到并声明无利害关系',
  RECUSE: '申请回避',
}

/** The quorum, attendance, and every check-in declaration and recusal with its reason. */
export function attendanceBlocks(input: AwardReportInput): Block[] {
  const quorum = input.quorum
  const rule =
    quorum === null
      ? '—（本项目适用的规则包未规定签到与法定人数，委员按封存的定标资料直接投票）'
      : `全部抽取的委员签到或回避，主任已签到，且签到委员不少于 ${quorum.value} 人，主任方可开启投票（依据：${quorum.source}）`
  return [
    { kind: 'fields', rows: [['定标会法定人数', rule]] },
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 5, align: 'center' },
        { header: '委员', weight: 16 },
        { header: '职务', weight: 8 },
        { header: '出席情况', weight: 10 },
        { header: '签到 / 回避时间（UTC+8）', weight: 18 },
      ],
      rows: input.attendance.map((a, i) => [
        String(i + 1),
        personName(a.member),
        a.chair ? '主任' : '委员',
        ATTENDANCE_NAMES[a.status] ?? a.status,
        a.at === null ? '—' : shanghaiTime(a.at),
      ]),
      empty: '本项目未记录签到。',
    },
    {
      kind: 'table',
      columns: [
        { header: '委员', weight: 14 },
        { header: '事项', weight: 16 },
        { header: '声明 / 回避理由', weight: 40 },
        { header: '时间（UTC+8）', weight: 15 },
      ],
      rows: input.declarations.map((d) => [
        personName(d.member),
        DECLARATION_NAMES[d.eventType] ?? d.eventType,
        orDash(d.statement),
        shanghaiTime(d.declaredAt),
      ]),
      empty: '事件流中没有定标委员的签到声明或回避记录。',
    },
    {
      kind: 'paragraph',
      small: true,
      text: '回避或缺席的委员不参加投票；本平台尚不提供补充抽取，签到委员须达到法定人数方可开启投票。',
    },
  ]
}
