// Sections several record layouts share: the tender's particulars, a verifiable draw, the party and
// person names, and the closing "record and verification" section.

import {
  awardMethodText,
  categoryText,
  evaluationMethodText,
  eventTypeText,
  shanghaiTimeLabelled,
  TIME_ZONE_NOTE,
  yuan,
} from './format.ts'
import type { Block, LayoutMeta } from './layout.ts'
import type { DrawInput, Party, Person, RecordInput } from './record-input.ts'
import { verificationHint } from './record-kinds.ts'

export const RECORD_NAMES = {
  opening_record: '开标记录',
  evaluation_report: '评标报告',
  award_report: '定标报告',
  award_notice: '中标通知书',
  unsuccessful_notice: '中标结果通知书',
  replay_certificate: '回放证书',
} as const

/** Chinese ordinal headings: 一、 二、 … */
export function numbered(headings: readonly string[]): string[] {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三']
  return headings.map((text, i) => `${numerals[i] ?? String(i + 1)}、${text}`)
}

export const partyName = (party: Party) => party.name ?? party.orgId
export const partyWithCode = (party: Party) =>
  party.uscc === null ? partyName(party) : `${partyName(party)}\n${party.uscc}`
export const personName = (person: Person) => person.name ?? person.userId

/** The tender's particulars; `brief` keeps only its identity and purchaser (for letters). */
export function tenderFields(
  input: RecordInput,
  extra: readonly (readonly [string, string])[] = [],
  brief = false,
): Block {
  const { tender, particulars: p } = input
  const identity: (readonly [string, string])[] = [
    ['项目名称', tender.title],
    ['项目编号', tender.reference],
    ['招标项目 ID', tender.tenderId],
    ['招标人', p.purchaserName ?? p.purchaserOrgId],
  ]
  if (brief) return { kind: 'fields', rows: [...identity, ...extra] }
  const rows: (readonly [string, string])[] = [
    ...identity,
    ['项目类别', categoryText(p.category)],
    ['估算金额', yuan(p.estimatedValueFen)],
    ['最高投标限价', p.ceilingPriceFen === null ? '未设' : yuan(p.ceilingPriceFen)],
    [
      '适用规则包',
      p.rulePack === null ? '—' : `${p.rulePack.name}（${p.rulePack.id} ${p.rulePack.version}）`,
    ],
    ['评标方法', evaluationMethodText(p.evaluationMethod)],
    ['定标方法', awardMethodText(p.awardMethod)],
    ...extra,
  ]
  return { kind: 'fields', rows }
}

const POOL_PRINTED = 60

/** A verifiable random draw (DESIGN §6): anyone can re-run it from these fields. */
export function drawBlocks(draw: DrawInput | null, what: string): Block[] {
  if (draw === null) return [{ kind: 'paragraph', text: `事件流中没有${what}的抽取记录。` }]
  return [
    {
      kind: 'fields',
      rows: [
        ['组建方式', `从候选池中可验证随机抽取（先承诺、后揭示，见 DESIGN §6）`],
        ['抽取事件', `第 ${draw.seq} 号事件，${shanghaiTimeLabelled(draw.drawnAt)}`],
        ['候选池人数', String(draw.poolSize)],
        ['秘密承诺 SHA-256', draw.secretCommitment],
        ['揭示的秘密', draw.secret],
        ['前一事件哈希', draw.streamHeadHash],
        ['抽取种子', draw.seed],
      ],
    },
    {
      kind: 'paragraph',
      small: true,
      text:
        `种子 = SHA-256(秘密 | 前一事件哈希 | 抽取人数 | 排序后候选池的 SHA-256)，` +
        `按种子驱动的 SHA-256 计数器流对排序后的候选池做 Fisher–Yates 洗牌，取前若干名。` +
        (draw.pool.length <= POOL_PRINTED
          ? `候选池（排序后）：${draw.pool.join('，')}`
          : `候选池共 ${draw.pool.length} 人，完整列表见第 ${draw.seq} 号事件。`),
    },
  ]
}

/** The closing section: the record, the event it certifies and how anyone verifies it. */
export function verificationBlocks(heading: string, meta: LayoutMeta, recordName: string): Block[] {
  const hint = verificationHint(meta.recordId)
  const { certified } = meta
  return [
    { kind: 'heading', text: heading },
    {
      kind: 'fields',
      rows: [
        ['记录名称', recordName],
        ['记录编号', meta.recordId],
        ['所证明事件', `第 ${certified.seq} 号事件 ${certified.type}（${eventTypeText(certified.type)}）`],
        ['事件流', certified.streamId],
        ['事件哈希 SHA-256', certified.hash],
        ['签发时间', shanghaiTimeLabelled(certified.recordedAt)],
        ['在线验证', `${hint.path}（上传本 PDF 及其 JWS）`],
        ['离线验证', hint.command],
      ],
    },
    {
      kind: 'paragraph',
      small: true,
      text:
        '本记录以其 PDF 文件的精确字节为准。平台以 JWS（紧凑序列化）对记录编号、记录类型、招标项目、所证明事件的序号与哈希、' +
        '本 PDF 的 SHA-256 及签发时间签名；公钥（含已轮换的旧密钥）公布于 /.well-known/jwks.json。' +
        '任何人可用 sha256sum 与任一 JOSE 库独立验证，无需本平台的代码。' +
        TIME_ZONE_NOTE +
        '金额单位为人民币元，由以分为单位的整数换算。',
    },
  ]
}
