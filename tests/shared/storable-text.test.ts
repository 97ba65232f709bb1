// What PostgreSQL cannot store: a NUL or a lone surrogate, found in any string or member name of parsed
// JSON, with a pointer and an index; a surrogate pair is ordinary text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findFaultIn, findUnstorableText } from '../../src/shared/storable-text.ts'

describe('findFaultIn', () => {
  it('finds a NUL, a lone high or low surrogate, and passes a pair', () => {
    expect(findFaultIn('ab\u0000')).toEqual({ fault: 'nul', index: 2 })
    expect(findFaultIn('t\ud800')).toEqual({ fault: 'lone_surrogate', index: 1 })
    expect(findFaultIn('\ud800x')).toEqual({ fault: 'lone_surrogate', index: 0 })
    expect(findFaultIn('x\udc00')).toEqual({ fault: 'lone_surrogate', index: 1 })
    expect(findFaultIn('🚧\udc00')).toEqual({ fault: 'lone_surrogate', index: 2 })
    expect(findFaultIn('道路 🚧 x')).toBeNull()
  })

  it('agrees with a UTF-8 round trip (which replaces a lone surrogate) for any code units', () => {
    const unit = fc.oneof(
      fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', 'a', '路'),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        const storable = !text.includes('\u0000') && Buffer.from(text, 'utf8').toString('utf8') === text
        expect(findFaultIn(text) === null).toBe(storable)
      }),
    )
  })
})

describe('findUnstorableText', () => {
  it('names the string by its JSON pointer, escaping ~ and /', () => {
    expect(findUnstorableText({ a: ['ok', { 'b/c~': 'x\u0000' }] })).toEqual({
      path: '/a/1/b~1c~0',
      fault: 'nul',
      index: 1,
    })
    expect(findUnstorableText('\ud800')).toEqual({ path: '/', fault: 'lone_surrogate', index: 0 })
    expect(findUnstorableText({ a: 1, b: [true, null, 'fine'] })).toBeNull()
  })

  it('a member name: the pointer is its object, never the unstorable name itself', () => {
    expect(findUnstorableText({ items: [{ 'n\u0000': 1 }] })).toEqual({
      path: '/items/0',
      fault: 'nul',
      index: 1,
      inName: true,
    })
  })

  it('walks JSON nested deeper than the call stack', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(findUnstorableText(deep)).toMatchObject({ fault: 'nul', index: 1 })
  })
})
