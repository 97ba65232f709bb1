// Layout of the award notice (中标通知书, 招标投标法 Art 45–46) to the winning bidder: the tender, the
// winning price, the decision date and the contract deadline.

import { shanghaiDate, shanghaiTimeLabelled, yuan, yuanInCapitals } from './format.ts'
import type { LayoutMeta, RecordLayout } from './layout.ts'
import type { AwardNoticeInput } from './record-input.ts'
import { partyName, RECORD_NAMES, tenderFields, verificationBlocks } from './sections.ts'

export function awardNoticeLayout(input: AwardNoticeInput, meta: LayoutMeta): RecordLayout {
  const name = RECORD_NAMES.award_notice
  const purchaser = input.particulars.purchaserName ?? input.particulars.purchaserOrgId
  const due = input.contractDueAt === null ? '' : `（即 ${shanghaiDate(input.contractDueAt)} 前）`
  return {
    name,
    blocks: [
      { kind: 'title', text: name, subtitle: `通知书编号 ${input.noticeId}` },
      {
        kind: 'paragraph',
        text: `${partyName(input.recipient)}（统一社会信用代码 ${input.recipient.uscc ?? '—'}）：`,
      },
      {
        kind: 'paragraph',
        indent: true,
        text:
          `你方参加的“${input.tender.title}”（项目编号 ${input.tender.reference}）招标，经评标委员会评审、` +
          `招标人依法组织定标，于 ${shanghaiDate(input.decidedAt)} 确定你方为中标人，中标价为 ${yuan(input.priceFen)}` +
          `（${yuanInCapitals(input.priceFen)}）。`,
      },
      {
        kind: 'paragraph',
        indent: true,
        text: `请你方自本通知书发出之日起三十日内${due}，按照招标文件和你方投标文件与招标人订立书面合同（《中华人民共和国招标投标法》第四十六条）。`,
      },
      { kind: 'spacer', lines: 0.5 },
      tenderFields(
        input,
        [
          ['中标人', partyName(input.recipient)],
          ['中标投标编号', input.bidId],
          ['中标价', yuan(input.priceFen)],
          ['中标价（大写）', yuanInCapitals(input.priceFen)],
          ['定标时间', shanghaiTimeLabelled(input.decidedAt)],
          ['通知书发出时间', shanghaiTimeLabelled(input.issuedAt)],
          ['合同订立截止时间', shanghaiTimeLabelled(input.contractDueAt)],
        ],
        true,
      ),
      { kind: 'closing', lines: [`招标人：${purchaser}`, shanghaiDate(input.issuedAt)] },
      ...verificationBlocks('记录与验证', meta, name),
    ],
  }
}
