// Layout of the award report (定标报告, REGULATIONS §5.4): method and parameters, candidates, the
// committee and how it was drawn, attendance with the quorum, check-in declarations and recusals, the
// frozen dossiers, every round (opened and closed by the chair) with every ballot and its reason, tallies
// and re-votes, declines, the credit snapshots consulted, and the decision, its reasons and who took it.

import { attendanceBlocks, candidateName, roundBlocks } from './award-report-meeting.ts'
import {
  awardMethodText,
  creditOutcomeText,
  orDash,
  shanghaiTime,
  shanghaiTimeLabelled,
  yuan,
  yuanInCapitals,
} from './format.ts'
import type { LayoutMeta, RecordLayout } from './layout.ts'
import type { AwardReportInput, CreditSnapshotSummary } from './record-input.ts'
import {
  drawBlocks,
  numbered,
  partyName,
  partyWithCode,
  personName,
  RECORD_NAMES,
  tenderFields,
  verificationBlocks,
} from './sections.ts'

/** The tie-breaks a pack may declare, in the report's words. */
const TIE_BREAK_NAMES: Readonly<Record<string, string>> = { lowestBidPrice: '投标报价最低者中标' }

/** What designated the winner: the last round's votes, or the declared tie-break after the re-votes. */
function decisionBasisText(input: AwardReportInput): string {
  const basis = input.decisionBasis
  if (basis.by === 'votes') return '票决：末轮得票最多者'
  const tied = basis.tied.map(candidateName(input)).join('、')
  const rule = TIE_BREAK_NAMES[basis.rule] ?? basis.rule
  const revotes = input.maxRevotes === null ? '' : `${input.maxRevotes} 次`
  return `复议${revotes}后仍并列（${tied}），按招标文件载明的平局规则：${rule}（依据：${basis.source || '—'}）`
}

/** A snapshot's findings and unanswered sources, in a few words. */
function creditPoints(snapshot: CreditSnapshotSummary): string {
  const points = snapshot.findings.map((f) => `${f.consequence === 'refuse' ? '拒绝' : '提示'}：${f.summary}`)
  if (snapshot.unavailableSources.length > 0)
    points.push(`未答复的来源：${snapshot.unavailableSources.join('、')}`)
  return points.length === 0 ? '无' : points.join('\n')
}

const DECIDED_AS: Readonly<Record<string, string>> = { chair: '定标委员会主任', purchaser: '招标人' }

export function awardReportLayout(input: AwardReportInput, meta: LayoutMeta): RecordLayout {
  const name = RECORD_NAMES.award_report
  const h = numbered([
    '项目信息',
    '定标方法与参数',
    '定标候选人',
    '定标委员会及其组建',
    '签到、回避与出席',
    '定标资料',
    '投票记录与计票',
    '信用信息',
    '定标结果与理由',
    '记录与验证',
  ])
  const factors = input.particulars.awardFactors
  return {
    name,
    blocks: [
      { kind: 'title', text: name, subtitle: '招标人依据事先公布的定标规则和方法组织定标委员会定标后形成' },
      { kind: 'heading', text: h[0]! },
      tenderFields(input),
      { kind: 'heading', text: h[1]! },
      {
        kind: 'fields',
        rows: [
          ['定标方法', awardMethodText(input.particulars.awardMethod)],
          ['定标要素', factors.length === 0 ? '—' : factors.join('；')],
          [
            '重新投票上限',
            input.maxRevotes === null ? '—' : `${input.maxRevotes} 次，之后按招标文件的平局处理规则`,
          ],
          ['定标委员会最少人数', orDash(input.committeeMinSize)],
          ['投票方式', '秘密投票；签到委员全部投完、主任结束本轮后方公开各票、理由及计票'],
        ],
      },
      { kind: 'heading', text: h[2]! },
      {
        kind: 'table',
        columns: [
          { header: '序号', weight: 5, align: 'center' },
          { header: '候选人 / 统一社会信用代码', weight: 34 },
          { header: '投标报价（元）', weight: 16, align: 'right' },
          { header: '评标平均分', weight: 9, align: 'right' },
        ],
        rows: input.candidates.map((c, i) => [
          String(c.rank ?? i + 1),
          partyWithCode(c.bidder),
          c.priceFen === null ? '—' : yuan(c.priceFen),
          orDash(c.meanScore),
        ]),
        empty: '没有定标候选人。',
      },
      { kind: 'heading', text: h[3]! },
      { kind: 'fields', rows: [['组建时间', shanghaiTimeLabelled(input.committeeFormedAt)]] },
      ...drawBlocks(input.draw, '定标委员会'),
      {
        kind: 'table',
        columns: [
          { header: '序号', weight: 5, align: 'center' },
          { header: '姓名', weight: 16 },
          { header: '用户 ID', weight: 30 },
          { header: '职务', weight: 10 },
        ],
        rows: input.committee.map((m, i) => [
          String(i + 1),
          personName(m),
          m.userId,
          m.chair ? '主任' : '委员',
        ]),
        empty: '定标委员会尚未组建。',
      },
      { kind: 'heading', text: h[4]! },
      ...attendanceBlocks(input),
      { kind: 'heading', text: h[5]! },
      {
        kind: 'fields',
        rows: [
          ['定标资料哈希', orDash(input.dossierHash)],
          ['封存时间', shanghaiTimeLabelled(input.dossiersFrozenAt)],
        ],
      },
      {
        kind: 'paragraph',
        small: true,
        text: '定标资料（候选人、报价、评标分数摘要、信用信息）在投票前封存，其哈希写入事件流；此后资料的任何变化都会使哈希不符。',
      },
      { kind: 'heading', text: h[6]! },
      ...roundBlocks(input),
      ...(input.revotes.length === 0
        ? []
        : [
            {
              kind: 'paragraph' as const,
              text: `重新投票：${input.revotes.map((r) => `第 ${r.seq} 号事件（${shanghaiTime(r.at)}）`).join('，')}。`,
            },
          ]),
      ...(input.declined.length === 0
        ? []
        : [
            {
              kind: 'table' as const,
              columns: [
                { header: '放弃中标的投标人', weight: 30 },
                { header: '原因', weight: 50 },
              ],
              rows: input.declined.map((d) => [partyName(d.bidder), d.reason || '—']),
              empty: '—',
            },
          ]),
      { kind: 'heading', text: h[7]! },
      {
        kind: 'table',
        small: true,
        columns: [
          { header: '投标人', weight: 20 },
          { header: '引用事件', weight: 13 },
          { header: '结论', weight: 16 },
          { header: '查询 / 判定时间（UTC+8）', weight: 15 },
          { header: '要点', weight: 24 },
          { header: '快照编号 / SHA-256', weight: 22 },
        ],
        rows: input.creditSnapshots.map((c) => [
          c.bidder === null ? orDash(c.bidId) : partyName(c.bidder),
          `第 ${c.seq} 号 ${c.eventType}`,
          c.snapshot === null ? '快照不在本平台存储中' : creditOutcomeText(c.snapshot.outcome),
          c.snapshot === null
            ? '—'
            : `${shanghaiTime(c.snapshot.queriedAt)}\n${shanghaiTime(c.snapshot.judgedAt)}`,
          c.snapshot === null ? '—' : creditPoints(c.snapshot),
          c.snapshot === null ? c.snapshotId : `${c.snapshotId}\n${c.snapshot.sha256}`,
        ]),
        empty: '本次定标的事件中未引用信用查询快照。',
      },
      { kind: 'heading', text: h[8]! },
      {
        kind: 'fields',
        rows: [
          ['中标人', partyWithCode(input.winner.bidder)],
          ['中标价', yuan(input.winner.priceFen)],
          ['中标价（大写）', yuanInCapitals(input.winner.priceFen)],
          ['定标时间', shanghaiTimeLabelled(input.decidedAt)],
          [
            '确定人',
            input.decidedBy === null
              ? '—'
              : `${personName(input.decidedBy)}${input.decidedAs === null ? '' : `（${DECIDED_AS[input.decidedAs]}）`}`,
          ],
          ['定标依据', decisionBasisText(input)],
        ],
      },
      { kind: 'paragraph', text: `定标理由：${input.reasons || '—'}` },
      ...verificationBlocks(h[9]!, meta, name),
    ],
  }
}
