// Which language a page request is answered in: ?lang= (remembered in the lang cookie), then the lang
// cookie, then Accept-Language, then zh-CN.
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale-names.ts'

export interface LocaleChoice {
  readonly locale: Locale
  /** Set when ?lang= chose the language: the page remembers it in the cookie. */
  readonly remember: boolean
}

export function resolveLocale(
  query: unknown,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
) {
  const asked = typeof query === 'object' && query !== null ? (query as { lang?: unknown }).lang : undefined
  if (isLocale(asked)) return { locale: asked, remember: true } satisfies LocaleChoice
  if (isLocale(cookie)) return { locale: cookie, remember: false } satisfies LocaleChoice
  return { locale: fromAcceptLanguage(acceptLanguage), remember: false } satisfies LocaleChoice
}

/** The best of zh / en by q-value ("en-GB,en;q=0.9,zh;q=0.8" → en); zh-CN when neither is asked for. */
export function fromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE
  let best: { locale: Locale; q: number } | null = null
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!Number.isFinite(q) || q <= 0) continue
    const locale: Locale | null =
      tag === 'zh' || tag.startsWith('zh-') ? 'zh-CN' : tag === 'en' || tag.startsWith('en-') ? 'en' : null
    if (locale && (best === null || q > best.q)) best = { locale, q }
  }
  return best?.locale ?? DEFAULT_LOCALE
}
