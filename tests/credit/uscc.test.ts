// The Unified Social Credit Code (GB 32100-2015): known codes from the wild, and property-based tests
// over generated valid codes and every single-character corruption of them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { completeUscc, USCC_CHARSET, validateUscc } from '../../src/credit/uscc.ts'
import { usccProblem } from '../../src/credit/uscc-input.ts'

const charsetChar = fc.constantFrom(...USCC_CHARSET.split(''))
const digit = fc.constantFrom(...'0123456789'.split(''))
const orgBodyChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'.split(''))

/** Valid codes: registration authority + category, a 6-digit division code, an 8-character org-code body. */
const validUscc = fc
  .tuple(
    fc.array(charsetChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(orgBodyChar, { minLength: 8, maxLength: 8 }),
  )
  .map(([head, division, body]) => completeUscc([...head, ...division, ...body].join('')))

describe('USCC validation', () => {
  it('accepts codes seen in the wild', () => {
    expect(validateUscc('91350200776049653A')).toEqual({ valid: true })
    expect(validateUscc('91440101MA5CJQ4N59')).toEqual({ valid: true })
  })

  it('names the position and the expected check character of a bad code', () => {
    expect(validateUscc('91350203M0001QAY9B')).toMatchObject({ valid: false, position: 18, expected: '9' })
    expect(validateUscc('91350200776049653O')).toMatchObject({ valid: false, position: 18 })
    expect(validateUscc('9135020077604965')).toMatchObject({ valid: false, position: null })
  })

  it('accepts every generated valid code', () => {
    fc.assert(fc.property(validUscc, (code) => validateUscc(code).valid))
  })

  it('refuses every single-character substitution, at any position', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), charsetChar, (code, position, replacement) => {
        fc.pre(code[position] !== replacement)
        const corrupted = code.slice(0, position) + replacement + code.slice(position + 1)
        const verdict = validateUscc(corrupted)
        return !verdict.valid && verdict.position !== null && verdict.position >= 1 && verdict.position <= 18
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses characters outside the charset (I, O, S, V, Z, lower case) at their position', () => {
    fc.assert(
      fc.property(
        validUscc,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom('I', 'O', 'S', 'V', 'Z', 'a', '-'),
        (code, position, bad) => {
          const verdict = validateUscc(code.slice(0, position) + bad + code.slice(position + 1))
          return !verdict.valid && verdict.position === position + 1
        },
      ),
    )
  })

  it('turns every refusal into an invalid_uscc problem with the position and, for a check character, the expected one', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 16, max: 17 }), charsetChar, (code, position, replacement) => {
        fc.pre(code[position] !== replacement)
        const problem = usccProblem(
          code.slice(0, position) + replacement + code.slice(position + 1),
          'bidderUscc',
        )
        const verdict = validateUscc(code.slice(0, position) + replacement + code.slice(position + 1))
        return (
          problem !== null &&
          problem.status === 400 &&
          problem.code === 'invalid_uscc' &&
          problem.extra.field === 'bidderUscc' &&
          problem.extra.position === (verdict.valid ? null : verdict.position) &&
          typeof problem.extra.expected === 'string' &&
          problem.message.includes(`should be ${problem.extra.expected}`)
        )
      }),
    )
    expect(usccProblem('91440101MA5CJQ4N59')).toBeNull()
  })
})
