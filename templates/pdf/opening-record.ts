// Layout of the opening record (开标记录, 电子招标投标办法 Art 29–32): the bids, their prices and
// outcomes (decryption failures attributed per Art 31), the committed bid set and the times.

import { orDash, outcomeText, shanghaiTime, shanghaiTimeLabelled, yuan } from './format.ts'
import type { LayoutMeta, RecordLayout } from './layout.ts'
import type { OpeningRecordInput } from './record-input.ts'
import { numbered, partyWithCode, RECORD_NAMES, tenderFields, verificationBlocks } from './sections.ts'

export function openingRecordLayout(input: OpeningRecordInput, meta: LayoutMeta): RecordLayout {
  const name = RECORD_NAMES.opening_record
  const h = numbered(['项目信息', '开标情况', '投标人及开标结果', '投标文件密文摘要', '记录与验证'])
  const opened = input.bids.filter((b) => b.outcome === 'opened').length
  return {
    name,
    blocks: [
      { kind: 'title', text: name, subtitle: '依据《电子招标投标办法》第三十二条由交易平台生成并公布' },
      { kind: 'heading', text: h[0]! },
      tenderFields(input),
      { kind: 'heading', text: h[1]! },
      {
        kind: 'fields',
        rows: [
          ['投标截止时间', shanghaiTimeLabelled(input.particulars.deadline)],
          ['停止接收投标', shanghaiTimeLabelled(input.closedAt)],
          ['开标时间', shanghaiTimeLabelled(input.openedAt)],
          ['递交的投标文件', `${orDash(input.bidCount)} 份`],
          ['解密成功', `${opened} 份`],
          ['投标文件集合哈希', orDash(input.bidSetHash)],
        ],
      },
      {
        kind: 'paragraph',
        small: true,
        text: '投标文件集合哈希在投标截止时写入事件流，覆盖全部密封投标文件的密文 SHA-256；开标所列投标文件须与之一致。',
      },
      { kind: 'heading', text: h[2]! },
      {
        kind: 'table',
        columns: [
          { header: '序号', weight: 4, align: 'center' },
          { header: '投标人 / 统一社会信用代码', weight: 26 },
          { header: '投标报价（元）', weight: 14, align: 'right' },
          { header: '开标结果', weight: 20 },
          { header: '原因', weight: 18 },
        ],
        rows: input.bids.map((bid, i) => [
          String(i + 1),
          partyWithCode(bid.bidder),
          bid.priceFen === null ? '—' : yuan(bid.priceFen),
          outcomeText(bid.outcome),
          orDash(bid.reason),
        ]),
        empty: '没有投标。',
      },
      {
        kind: 'paragraph',
        small: true,
        text:
          '解密失败的归责（《电子招标投标办法》第三十一条）：因投标人原因未能解密的，视为撤销其投标文件；' +
          '因投标人之外的原因未能解密的，视为撤回其投标文件，投标人有权要求责任方赔偿直接损失。部分投标文件未解密的，其他投标文件的开标继续进行。',
      },
      { kind: 'heading', text: h[3]! },
      {
        kind: 'table',
        small: true,
        columns: [
          { header: '序号', weight: 4, align: 'center' },
          { header: '投标编号', weight: 22 },
          { header: '递交时间（UTC+8）', weight: 14 },
          { header: '密文 SHA-256', weight: 42 },
        ],
        rows: input.bids.map((bid, i) => [
          String(i + 1),
          bid.bidId,
          bid.submittedAt === null ? '—' : shanghaiTime(bid.submittedAt),
          orDash(bid.ciphertextSha256),
        ]),
        empty: '没有投标。',
      },
      ...verificationBlocks(h[4]!, meta, name),
    ],
  }
}
