// The one way pages write HTML: a tagged template that escapes every interpolated value unless it is
// already SafeHtml (made by this tag), checks URLs put into URL attributes, and refuses values in event
// handler attributes. unsafeRaw() is the single escape hatch (tests/repo/unsafe-raw.test.ts lists where
// it may be used).

let trust!: (markup: string) => SafeHtml

/** Markup this module vouches for; it cannot be forged (the constructor and the field are private). */
export class SafeHtml {
  readonly #markup: string
  private constructor(markup: string) {
    this.#markup = markup
  }
  static {
    trust = (markup) => new SafeHtml(markup)
  }
  toString(): string {
    return this.#markup
  }
}

/** What a page may interpolate: text (escaped), markup (as is), lists (joined); false/null/undefined print nothing. */
export type HtmlValue = SafeHtml | string | number | bigint | false | null | undefined | readonly HtmlValue[]

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string)
}

/** The attribute being written, when the next value lands inside a quoted attribute value. */
const OPEN_ATTRIBUTE = /\s([a-z:-]+)\s*=\s*(["'])([^"']*)$/i
/** Attributes whose value is a URL: the value written so far passes through safeUrl(). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'data',
  'xlink:href',
])

// An http: base: a protocol-relative URL ("//evil.example") inherits http: from it and is refused.
const BASE = 'http://relative.invalid/'

const BASE_ORIGIN = new URL(BASE).origin

/**
 * The URL if it is relative to this site or https:, else "#". Parsed as a browser would (tabs and
 * newlines removed, case folded), so "java\tscript:", "//evil.example" and "\\evil.example" are refused.
 */
export function safeUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url, BASE)
  } catch {
    return '#'
  }
  if (parsed.origin === BASE_ORIGIN) return url
  return parsed.protocol === 'https:' ? url : '#'
}

/** A URL for an attribute (href, src, action): relative or https:, escaped; anything else becomes "#". */
export function attrUrl(url: string): SafeHtml {
  return trust(escapeHtml(safeUrl(url)))
}

/** Where the next value lands: in text, between a tag's attributes, or inside a quoted attribute value. */
type Context =
  | { readonly kind: 'text' }
  | { readonly kind: 'tag' }
  | { readonly kind: 'attribute'; readonly name: string; readonly before: string }

const TEXT: Context = { kind: 'text' }

function contextAt(markup: string): Context {
  const open = markup.lastIndexOf('<')
  if (open <= markup.lastIndexOf('>')) return TEXT
  const tag = markup.slice(open)
  const attribute = OPEN_ATTRIBUTE.exec(tag)
  if (!attribute) return { kind: 'tag' }
  return { kind: 'attribute', name: (attribute[1] as string).toLowerCase(), before: attribute[3] as string }
}

function render(value: HtmlValue, context: Context): string {
  if (value instanceof SafeHtml) return value.toString()
  if (value === false || value === null || value === undefined || value === '') return ''
  if (Array.isArray(value)) return value.map((item: HtmlValue) => render(item, context)).join('')
  if (context.kind === 'tag') throw new Error('html: a value between attributes must be quoted, as name="…"')
  const text = String(value)
  if (context.kind === 'text') return escapeHtml(text)
  if (context.name.startsWith('on'))
    throw new Error('html: no value may be interpolated into an on… attribute')
  if (URL_ATTRIBUTES.has(context.name) && safeUrl(context.before + text) === '#') return '#'
  return escapeHtml(text)
}

/**
 * The markup since its last "<" or ">" after `chunk` is written: all contextAt() needs. Keeping only this
 * tail (not re-reading everything written so far) keeps a page with a long table linear in its size.
 */
function tailAfter(tail: string, chunk: string): string {
  const cut = Math.max(chunk.lastIndexOf('<'), chunk.lastIndexOf('>'))
  return cut < 0 ? tail + chunk : chunk.slice(cut)
}

/** html`<p>${text}</p>`: every value escaped unless it is SafeHtml; arrays joined. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  const first = strings[0] ?? ''
  const parts = [first]
  let tail = tailAfter('', first)
  for (let i = 0; i < values.length; i++) {
    const rendered = render(values[i], contextAt(tail))
    const literal = strings[i + 1] ?? ''
    parts.push(rendered, literal)
    tail = tailAfter(tailAfter(tail, rendered), literal)
  }
  return trust(parts.join(''))
}

/** Joins fragments with a separator (itself escaped unless SafeHtml). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = render(separator, TEXT)
  return trust(parts.map((part) => render(part, TEXT)).join(sep))
}

/**
 * The only way to emit markup this module did not build. Every use is listed in
 * tests/repo/unsafe-raw.test.ts with its reason; text from a user or the database never goes here.
 */
export function unsafeRaw(markup: string): SafeHtml {
  return trust(markup)
}
