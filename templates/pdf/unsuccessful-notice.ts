// Layout of the result notice (中标结果通知书, 招标投标法 Art 45) to a bidder that did not win: the
// winner and its price, and how each of the addressee's own bids ended.

import { outcomeText, shanghaiDate, shanghaiTimeLabelled, yuan } from './format.ts'
import type { LayoutMeta, RecordLayout } from './layout.ts'
import type { UnsuccessfulNoticeInput } from './record-input.ts'
import { partyName, partyWithCode, RECORD_NAMES, tenderFields, verificationBlocks } from './sections.ts'

export function unsuccessfulNoticeLayout(input: UnsuccessfulNoticeInput, meta: LayoutMeta): RecordLayout {
  const name = RECORD_NAMES.unsuccessful_notice
  const purchaser = input.particulars.purchaserName ?? input.particulars.purchaserOrgId
  return {
    name,
    blocks: [
      { kind: 'title', text: name, subtitle: `中标通知书编号 ${input.noticeId}` },
      {
        kind: 'paragraph',
        text: `${partyName(input.recipient)}（统一社会信用代码 ${input.recipient.uscc ?? '—'}）：`,
      },
      {
        kind: 'paragraph',
        indent: true,
        text:
          `“${input.tender.title}”（项目编号 ${input.tender.reference}）已于 ${shanghaiDate(input.decidedAt)} 确定中标人为` +
          `${partyName(input.winner)}，中标价为 ${yuan(input.winningPriceFen)}。你方未中标。感谢你方参与投标。`,
      },
      { kind: 'paragraph', text: '你方投标情况如下：' },
      {
        kind: 'table',
        columns: [
          { header: '投标编号', weight: 30 },
          { header: '投标报价（元）', weight: 18, align: 'right' },
          { header: '结果', weight: 32 },
        ],
        rows: input.ownBids.map((b) => [
          b.bidId,
          b.priceFen === null ? '—' : yuan(b.priceFen),
          outcomeText(b.outcome),
        ]),
        empty: '本项目开标记录中没有你方的投标。',
      },
      {
        kind: 'paragraph',
        indent: true,
        text: '你方如对中标结果有异议或投诉，请依照《中华人民共和国招标投标法实施条例》和招标文件的规定办理。',
      },
      { kind: 'spacer', lines: 0.5 },
      tenderFields(
        input,
        [
          ['中标人', partyWithCode(input.winner)],
          ['中标价', yuan(input.winningPriceFen)],
          ['定标时间', shanghaiTimeLabelled(input.decidedAt)],
          ['通知发出时间', shanghaiTimeLabelled(input.issuedAt)],
        ],
        true,
      ),
      { kind: 'closing', lines: [`招标人：${purchaser}`, shanghaiDate(input.issuedAt)] },
      ...verificationBlocks('记录与验证', meta, name),
    ],
  }
}
