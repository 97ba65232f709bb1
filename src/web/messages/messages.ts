// The catalogue's type, read off the Chinese source of truth: every string widened to string, every
// parameterised message kept as its function type. en.ts `satisfies Messages`, so a key missing there
// (or added there only) fails the type-check.
import type { Locale } from '../locale-names.ts'
import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> }

export type Messages = Widen<typeof zhCN>

/** The problem codes the catalogue words itself; any other code shows the API's English message. */
export type WordedProblemCode = keyof Messages['problems']

const CATALOGUE: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, en }

export function messagesFor(locale: Locale): Messages {
  return CATALOGUE[locale]
}
