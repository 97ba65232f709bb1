// Layout of the replay certificate (回放证书): the tender's history summarised (events, types, first
// and last times, chain head, final state) with what replaying it found.

import { eventTypeText, failureReasonText, orDash, shanghaiTimeLabelled, stateText } from './format.ts'
import type { LayoutMeta, RecordLayout } from './layout.ts'
import type { ReplayCertificateInput } from './record-input.ts'
import { numbered, RECORD_NAMES, tenderFields, verificationBlocks } from './sections.ts'

const verdict = (ok: boolean) => (ok ? '通过' : '未通过')

export function replayCertificateLayout(input: ReplayCertificateInput, meta: LayoutMeta): RecordLayout {
  const name = RECORD_NAMES.replay_certificate
  const h = numbered(['项目信息', '事件历史摘要', '事件类型统计', '重放结论', '记录与验证'])
  const ending =
    input.failureReason !== null
      ? `（流标原因：${failureReasonText(input.failureReason)}）`
      : input.cancelReason !== null
        ? `（终止原因：${input.cancelReason}）`
        : ''
  return {
    name,
    blocks: [
      { kind: 'title', text: name, subtitle: '招标项目事件历史的摘要及从首个事件重放的结论' },
      { kind: 'heading', text: h[0]! },
      tenderFields(input),
      { kind: 'heading', text: h[1]! },
      {
        kind: 'fields',
        rows: [
          ['事件流', input.streamId],
          ['事件数', String(input.eventCount)],
          ['首个事件时间', shanghaiTimeLabelled(input.firstAt)],
          ['最后事件时间', shanghaiTimeLabelled(input.lastAt)],
          ['首个事件的前序哈希', orDash(input.genesisPrevHash)],
          ['链头序号', input.head === null ? '—' : String(input.head.seq)],
          ['链头哈希 SHA-256', input.head === null ? '—' : input.head.hash],
          ['最终状态', `${stateText(input.finalState)}${ending}`],
        ],
      },
      { kind: 'heading', text: h[2]! },
      {
        kind: 'table',
        columns: [
          { header: '序号', weight: 5, align: 'center' },
          { header: '事件类型', weight: 24 },
          { header: '含义', weight: 20 },
          { header: '数量', weight: 8, align: 'right' },
        ],
        rows: input.eventTypes.map((t, i) => [String(i + 1), t.type, eventTypeText(t.type), String(t.count)]),
        empty: '事件流为空。',
      },
      { kind: 'heading', text: h[3]! },
      {
        kind: 'fields',
        rows: [
          ['哈希链', `${verdict(input.chainOk)}（每个事件的 SHA-256 与前序哈希逐一核对）`],
          ['状态机重放', `${verdict(input.replayOk)}（每个事件均为当时状态所接受）`],
          ['问题', orDash(input.replayProblem)],
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: '随机抽取事件', weight: 12, align: 'center' },
          { header: '类型', weight: 30 },
          { header: '复核结果', weight: 14 },
        ],
        rows: input.draws.map((d) => [String(d.seq), `${d.type}（${eventTypeText(d.type)}）`, verdict(d.ok)]),
        empty: '事件流中没有随机抽取。',
      },
      {
        kind: 'paragraph',
        small: true,
        text:
          `任何有权查阅者可导出事件历史（GET /api/v1/tenders/${input.tender.tenderId}/history），` +
          '按规范 JSON 重新计算每个事件的 SHA-256 并逐一核对前序哈希，再与本证书的链头哈希比对；随机抽取可由所列的秘密、前一事件哈希和候选池重新计算。',
      },
      ...verificationBlocks(h[4]!, meta, name),
    ],
  }
}
