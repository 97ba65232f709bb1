// Times and money for screens: times in Asia/Shanghai with the zone named, inside <time datetime> in
// UTC; money from integer fen (never through a float) as ¥ with grouping. Parsing of typed amounts.
import { html, type SafeHtml } from './html.ts'
import { INTL_LOCALE, type Locale } from './locale-names.ts'

const ZONE = 'Asia/Shanghai'
const ZONE_LABEL: Readonly<Record<Locale, string>> = { 'zh-CN': '北京时间', en: 'China time, UTC+8' }

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>()
function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: ZONE,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    dateTimeFormats.set(locale, format)
  }
  return format
}

/** "2026年3月23日 09:30（北京时间）" as text; "—" without a time. */
export function timeText(at: Date | string | null | undefined, locale: Locale): string {
  if (at === null || at === undefined) return '—'
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) throw new Error(`not a time: ${String(at)}`)
  const text = dateTimeFormat(locale).format(date)
  return locale === 'zh-CN' ? `${text}（${ZONE_LABEL[locale]}）` : `${text} (${ZONE_LABEL[locale]})`
}

/** <time datetime="…Z">…</time>: machines read UTC, people read Shanghai time with its zone. */
export function timeTag(at: Date | string | null | undefined, locale: Locale): SafeHtml {
  if (at === null || at === undefined) return html`—`
  return html`<time datetime="${new Date(at).toISOString()}">${timeText(at, locale)}</time>`
}

const FEN = /^-?\d+$/
const moneyFormats = new Map<Locale, Intl.NumberFormat>()

/** "¥1,250,000.00" from "125000000" fen (exact for any size: Intl formats the decimal string). */
export function money(fen: string | bigint | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined) return '—'
  const digits = String(fen)
  if (!FEN.test(digits)) throw new Error(`not an amount in fen: ${digits}`)
  const value = BigInt(digits)
  const abs = value < 0n ? -value : value
  const decimal = `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
  let format = moneyFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    })
    moneyFormats.set(locale, format)
  }
  // Intl formats a decimal string exactly (no float); the types predate that.
  return format.format(decimal as unknown as number)
}

const YUAN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/

/**
 * Fen as a decimal string from what a person types in yuan: "1,250,000", "1250000.5", "¥ 38 000.00".
 * Null when it is not an amount (negative, more than two decimals, letters).
 */
export function parseYuan(typed: string): string | null {
  const compact = typed.replace(/[\s,，¥￥]/g, '')
  const match = YUAN.exec(compact)
  if (!match) return null
  const cents = (match[2] ?? '.').slice(1).padEnd(2, '0')
  return (BigInt(match[1] as string) * 100n + BigInt(cents)).toString()
}

/** Yuan as a person would type it back into a form ("1250000.50"), from fen. */
export function yuanInput(fen: string | null | undefined): string {
  if (fen === null || fen === undefined || !FEN.test(fen)) return ''
  const value = BigInt(fen)
  const cents = value % 100n
  return cents === 0n ? `${value / 100n}` : `${value / 100n}.${String(cents).padStart(2, '0')}`
}
