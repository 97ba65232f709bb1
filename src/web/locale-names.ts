// The UI's languages. zh-CN is the default and the source of truth of the message catalogue.

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** Each language named in itself, for the language switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', en: 'English' }

/** The Intl locale each UI language formats numbers and dates with. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { 'zh-CN': 'zh-CN', en: 'en-GB' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
