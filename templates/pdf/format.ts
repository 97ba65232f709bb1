// How records print values: money as yuan from integer fen (never through a float), times in
// Asia/Shanghai (UTC+8, labelled), and the Chinese names of the platform's codes. Pure.
import { AWARD_METHOD_NAMES, EVALUATION_METHOD_NAMES } from '../vocabulary/methods.ts'
import { TENDER_STATE_NAMES } from '../vocabulary/tender-states.ts'

const FEN = /^-?\d+$/

function fenParts(fen: string): { negative: boolean; yuan: bigint; jiao: number; fen: number } {
  if (!FEN.test(fen)) throw new Error(`not an amount in fen: ${fen}`)
  const value = BigInt(fen)
  const negative = value < 0n
  const abs = negative ? -value : value
  return { negative, yuan: abs / 100n, jiao: Number((abs % 100n) / 10n), fen: Number(abs % 10n) }
}

/** "38,000,000.00 元" from "3800000000"; "—" when there is no amount. */
export function yuan(fen: string | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const parts = fenParts(fen)
  const grouped = parts.yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${parts.negative ? '-' : ''}${grouped}.${parts.jiao}${parts.fen} 元`
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const UNITS = ['', '拾', '佰', '仟']
const GROUPS = ['', '万', '亿', '万亿']

function upperInteger(value: bigint): string {
  const digits = value.toString()
  if (digits.length > 16) throw new Error(`amount too large to write out: ${value}`)
  let out = ''
  let zero = false
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = Number(digits[digits.length - 1 - i])
    if (d === 0) {
      zero = out !== ''
    } else {
      if (zero) out += '零'
      zero = false
      out += DIGITS[d]! + UNITS[i % 4]!
    }
    if (i % 4 === 0 && i > 0) {
      const group = digits.slice(Math.max(0, digits.length - i - 4), digits.length - i)
      if (Number(group) !== 0) out += GROUPS[i / 4]!
    }
  }
  return out
}

/** The amount in capitals (大写), e.g. "人民币叁仟陆佰伍拾万元整" from "3650000000". */
export function yuanInCapitals(fen: string | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const parts = fenParts(fen)
  const sign = parts.negative ? '负' : ''
  if (parts.yuan === 0n && parts.jiao === 0 && parts.fen === 0) return '人民币零元整'
  let out = parts.yuan > 0n ? `${upperInteger(parts.yuan)}元` : ''
  if (parts.jiao > 0) out += `${DIGITS[parts.jiao]}角`
  if (parts.fen > 0) out += `${parts.jiao === 0 && parts.yuan > 0n ? '零' : ''}${DIGITS[parts.fen]}分`
  if (parts.fen === 0) out += '整'
  return `人民币${sign}${out}`
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-03-23 09:30:00" in Asia/Shanghai (no daylight saving: a fixed UTC+8). */
export function shanghaiTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—'
  const at = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  if (Number.isNaN(at.getTime())) throw new Error(`not a time: ${iso}`)
  const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
  return `${date} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`
}

/** A time with its zone label, for fields read alone. */
export const shanghaiTimeLabelled = (iso: string | null | undefined) =>
  iso === null || iso === undefined ? '—' : `${shanghaiTime(iso)}（北京时间 UTC+8）`

/** "2026年3月23日" in Asia/Shanghai, for letters. */
export function shanghaiDate(iso: string): string {
  const at = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  return `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日`
}

export const TIME_ZONE_NOTE = '本记录中的时间均为北京时间（Asia/Shanghai，UTC+8）。'

const OPENING_OUTCOMES: Record<string, string> = {
  opened: '解密成功',
  decryptFailedBidder: '解密失败（投标人原因，视为撤销投标，电子招标投标办法第31条）',
  decryptFailedOther: '解密失败（非投标人原因，视为撤回投标，电子招标投标办法第31条）',
  invalid: '无效投标',
  rejected: '被评标委员会否决',
  declined: '放弃中标',
  notSelected: '未中标',
}
export const outcomeText = (outcome: string) => OPENING_OUTCOMES[outcome] ?? outcome

export const awardMethodText = (method: string | null) =>
  method === null ? '—' : (AWARD_METHOD_NAMES[method] ?? method)

export const evaluationMethodText = (method: string | null) =>
  method === null ? '—' : (EVALUATION_METHOD_NAMES[method] ?? method)

const CATEGORIES: Record<string, string> = { works: '工程', goods: '货物', services: '服务' }
export const categoryText = (category: string) => CATEGORIES[category] ?? category

const STATES: Readonly<Record<string, string>> = TENDER_STATE_NAMES
export const stateText = (state: string | null) => (state === null ? '—' : (STATES[state] ?? state))

/** A value or a dash. */
export const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value)

const EVENT_TYPES: Record<string, string> = {
  TENDER_CREATED: '创建招标项目',
  EDIT: '修改项目信息',
  PUBLISH: '发布招标公告',
  QUESTION_ASKED: '提出澄清问题',
  QUESTION_ANSWERED: '答复澄清问题',
  AMEND: '修改招标文件',
  EXTEND_DEADLINE: '延长投标截止时间',
  OBJECTION_RAISED: '提出异议',
  OBJECTION_ANSWERED: '答复异议',
  SUSPEND: '暂停',
  RESUME: '恢复',
  CLOSE_BIDDING: '投标截止',
  OPEN: '开标',
  DRAW_EXPERTS: '抽取评标专家',
  DECLARE_NO_CONFLICT: '专家回避声明',
  SUBMIT_SCORES: '提交评分',
  REJECT_BID: '否决投标',
  SUBMIT_REPORT: '提交评标报告',
  END_PUBLICITY: '公示期结束',
  FORM_AWARD_COMMITTEE: '组建定标委员会',
  FREEZE_DOSSIERS: '封存定标资料',
  CAST_BALLOT: '定标投票',
  START_REVOTE: '重新投票',
  DECIDE: '确定中标人',
  FAIL_AWARD: '定标失败（平局无法打破）',
  ISSUE_AWARD_NOTICE: '发出中标通知书',
  WINNER_DECLINED: '中标人放弃中标',
  CONTRACT_SIGNED: '签订合同',
  CANCEL: '终止招标',
}
export const eventTypeText = (type: string) => EVENT_TYPES[type] ?? '—'

const FAILURE_REASONS: Record<string, string> = {
  insufficientBids: '投标人少于规定数量',
  insufficientValidBids: '有效投标少于规定数量',
  allBidsRejected: '全部投标被否决',
  noRemainingCandidates: '没有可定标的候选人',
  awardTied: '重新投票和平局处理规则后仍然平局',
}
export const failureReasonText = (reason: string) => FAILURE_REASONS[reason] ?? reason

const CREDIT_OUTCOMES: Record<string, string> = {
  clear: '未发现不良信用记录',
  flag: '有须提示委员会的记录',
  refuse: '有应拒绝的记录',
  unavailable: '来源未能答复，不视为无记录',
}
export const creditOutcomeText = (outcome: string | null) =>
  outcome === null ? '未判定' : (CREDIT_OUTCOMES[outcome] ?? outcome)
