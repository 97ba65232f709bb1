// Layout of the evaluation report (评标报告, 招标投标法实施条例 Art 53): the committee and how it was
// drawn, declarations, every bid's outcome and scores, rejections with grounds, the candidates in rank
// and any dissent.

import { orDash, outcomeText, shanghaiTime, shanghaiTimeLabelled, yuan } from './format.ts'
import type { Block, LayoutMeta, RecordLayout } from './layout.ts'
import type { EvaluationReportInput } from './record-input.ts'
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

/** Per-expert score columns fit the page up to this committee size; larger ones get a list instead. */
const SCORE_COLUMNS_MAX = 11

function committeeBlocks(input: EvaluationReportInput): Block[] {
  const declared = new Map(input.declarations.map((d) => [d.expert.userId, d]))
  return [
    ...drawBlocks(input.draw, '评标委员会'),
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 5, align: 'center' },
        { header: '专家', weight: 14 },
        { header: '用户 ID', weight: 26 },
        { header: '回避声明时间（UTC+8）', weight: 16 },
        { header: '声明内容', weight: 24 },
      ],
      rows: input.committee.map((expert, i) => {
        const declaration = declared.get(expert.userId)
        return [
          `专家${i + 1}`,
          personName(expert),
          expert.userId,
          declaration ? shanghaiTime(declaration.declaredAt) : '未声明',
          declaration ? (declaration.statement ?? '无利害关系') : '—',
        ]
      }),
      empty: '评标委员会尚未组建。',
    },
  ]
}

function scoreBlocks(input: EvaluationReportInput): Block[] {
  const experts = input.committee.length
  if (experts === 0 || experts > SCORE_COLUMNS_MAX) {
    return input.bids.map((bid) => ({
      kind: 'paragraph' as const,
      small: true,
      text: `${partyName(bid.bidder)}：${bid.scores.map((s, i) => `专家${i + 1} ${s ?? '—'}`).join('，')}`,
    }))
  }
  return [
    {
      kind: 'table',
      small: true,
      columns: [
        { header: '投标人', weight: 24 },
        ...input.committee.map((_, i) => ({ header: `专家${i + 1}`, weight: 7, align: 'right' as const })),
        { header: '平均', weight: 8, align: 'right' },
      ],
      rows: input.bids
        .filter((bid) => bid.outcome === 'opened')
        .map((bid) => [partyName(bid.bidder), ...bid.scores.map((s) => s ?? '—'), orDash(bid.summary.mean)]),
      empty: '没有解密成功的投标。',
    },
  ]
}

export function evaluationReportLayout(input: EvaluationReportInput, meta: LayoutMeta): RecordLayout {
  const name = RECORD_NAMES.evaluation_report
  const h = numbered([
    '项目信息',
    '评标委员会及其组建',
    '投标评审结果',
    '评分明细',
    '否决投标',
    '推荐的中标候选人',
    '评标结论',
    '不同意见',
    '记录与验证',
  ])
  const candidates = input.candidates
  return {
    name,
    blocks: [
      { kind: 'title', text: name, subtitle: '评标委员会依据招标文件规定的评标标准和方法评审后提交' },
      { kind: 'heading', text: h[0]! },
      tenderFields(input, [['评标报告提交时间', shanghaiTimeLabelled(input.reportedAt)]]),
      { kind: 'heading', text: h[1]! },
      ...committeeBlocks(input),
      { kind: 'heading', text: h[2]! },
      {
        kind: 'table',
        columns: [
          { header: '序号', weight: 4, align: 'center' },
          { header: '投标人 / 统一社会信用代码', weight: 25 },
          { header: '投标报价（元）', weight: 14, align: 'right' },
          { header: '评审结果', weight: 16 },
          { header: '评分数', weight: 7, align: 'right' },
          { header: '平均分', weight: 7, align: 'right' },
          { header: '最低 / 最高', weight: 10, align: 'right' },
        ],
        rows: input.bids.map((bid, i) => [
          String(i + 1),
          partyWithCode(bid.bidder),
          bid.priceFen === null ? '—' : yuan(bid.priceFen),
          bid.outcome !== 'opened' ? outcomeText(bid.outcome) : bid.rejected ? '否决投标' : '通过评审',
          String(bid.summary.count),
          orDash(bid.summary.mean),
          bid.summary.min === null ? '—' : `${bid.summary.min} / ${bid.summary.max}`,
        ]),
        empty: '没有投标。',
      },
      { kind: 'heading', text: h[3]! },
      ...scoreBlocks(input),
      { kind: 'heading', text: h[4]! },
      {
        kind: 'table',
        columns: [
          { header: '投标人', weight: 22 },
          { header: '否决理由', weight: 40 },
          { header: '提出专家', weight: 12 },
          { header: '时间（UTC+8）', weight: 15 },
        ],
        rows: input.rejections.map((r) => [
          partyName(r.bidder),
          r.ground,
          personName(r.expert),
          shanghaiTime(r.rejectedAt),
        ]),
        empty: '评标委员会未否决任何投标。',
      },
      { kind: 'heading', text: h[5]! },
      {
        kind: 'table',
        columns: [
          { header: candidates.some((c) => c.rank !== null) ? '排名' : '序号', weight: 6, align: 'center' },
          { header: '中标候选人 / 统一社会信用代码', weight: 34 },
          { header: '投标报价（元）', weight: 16, align: 'right' },
          { header: '平均分', weight: 8, align: 'right' },
        ],
        rows: candidates.map((c, i) => [
          String(c.rank ?? i + 1),
          partyWithCode(c.bidder),
          c.priceFen === null ? '—' : yuan(c.priceFen),
          orDash(c.meanScore),
        ]),
        empty: '没有推荐中标候选人（全部投标未通过评审）。',
      },
      {
        kind: 'paragraph',
        small: true,
        text: candidates.some((c) => c.rank !== null)
          ? '适用规则包要求对中标候选人排序，以上按排名列出。'
          : '适用规则包（评定分离）不要求对中标候选人排序，以上顺序不表示优先。',
      },
      { kind: 'heading', text: h[6]! },
      { kind: 'paragraph', text: input.summary, indent: true },
      {
        kind: 'fields',
        rows: [
          ['提交人', personName(input.submittedBy)],
          ['提交时间', shanghaiTimeLabelled(input.reportedAt)],
        ],
      },
      { kind: 'heading', text: h[7]! },
      ...(input.dissent.length === 0
        ? [{ kind: 'paragraph' as const, text: '评标委员会成员无不同意见。' }]
        : input.dissent.map((d) => ({
            kind: 'paragraph' as const,
            text: `${personName(d.expert)}：${d.opinion}`,
          }))),
      ...verificationBlocks(h[8]!, meta, name),
    ],
  }
}
