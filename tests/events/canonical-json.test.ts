import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/events/canonical-json.ts'

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    )
    // "\u20ac" (€, U+20AC) sorts after "\r" and before the astral "😀" (surrogate D83D…).
    expect(canonicalJson({ '😀': 1, '€': 2, '\r': 3 })).toBe('{"\\r":3,"€":2,"😀":1}')
    // An undefined member anywhere, first included, leaves no stray comma; in an array it is null.
    expect(canonicalJson({ a: undefined, b: 1, c: undefined, d: 2 })).toBe('{"b":1,"d":2}')
    expect(canonicalJson({ a: undefined })).toBe('{}')
    expect(canonicalJson([undefined, 1, undefined])).toBe('[null,1,null]')
    expect(canonicalJson([])).toBe('[]')
  })

  it('formats numbers as ECMAScript does (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([0, -0, 1e21, 1e-7, 0.1 + 0.2, 333333333.3333333])).toBe(
      '[0,0,1e+21,1e-7,0.30000000000000004,333333333.3333333]',
    )
  })

  it('escapes strings minimally', () => {
    expect(canonicalJson('a"\\\n\u0001中')).toBe('"a\\"\\\\\\n\\u0001中"')
  })

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ x: 1, y: [true, false] })).toBe(canonicalJson({ y: [true, false], x: 1 }))
  })

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError)
  })
})
