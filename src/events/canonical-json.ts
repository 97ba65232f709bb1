// RFC 8785 JSON Canonicalization Scheme: sorted keys (by UTF-16 code units), ECMAScript number
// formatting, minimal string escapes. The hash chain is computed over this form, so anyone can re-derive it.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity')
      // ECMAScript Number-to-String is what RFC 8785 §3.2.2.3 prescribes; -0 serialises as 0.
      return Object.is(value, -0) ? '0' : String(value)
    case 'string':
      return JSON.stringify(value)
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>)
    default:
      throw new TypeError(`canonical JSON cannot encode a ${typeof value}`)
  }
}

// Plain loops and concatenation: the deadline rush hashes several events and snapshots per bid.
function canonicalArray(items: unknown[]): string {
  let out = '['
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ','
    const item = items[i]
    out += item === undefined ? 'null' : canonicalJson(item)
  }
  return `${out}]`
}

function canonicalObject(object: Record<string, unknown>): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((object as { toJSON(): unknown }).toJSON())
  }
  // Default JS string comparison orders by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(object).sort()
  let out = '{'
  for (const key of keys) {
    const value = object[key]
    if (value === undefined) continue
    if (out.length > 1) out += ','
    out += `${JSON.stringify(key)}:${canonicalJson(value)}`
  }
  return `${out}}`
}
