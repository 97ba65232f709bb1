// The Chinese name of each tender state: one list for the signed records (templates/pdf) and every
// screen (src/web/messages/zh-CN.ts), so a state reads the same on paper and in the browser.
import type { TenderState } from '../../state-machines/tender.machine.ts'

export const TENDER_STATE_NAMES = {
  draft: '草稿',
  bidding: '投标中',
  opening: '待开标',
  evaluation: '评标中',
  candidatePublicity: '中标候选人公示中',
  awarding: '定标中',
  resultPublicity: '中标结果公示中',
  awarded: '已定标',
  completed: '已完成（合同已签订）',
  failed: '流标',
  cancelled: '已终止',
} as const satisfies Record<TenderState, string>
