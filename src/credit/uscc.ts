// Unified Social Credit Code (统一社会信用代码), GB 32100-2015: structure, the check character (pos 18)
// and the embedded GB 11714 organisation-code check (pos 9–17). Pure.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

export type UsccVerdict =
  | { readonly valid: true }
  | {
      readonly valid: false
      readonly position: number | null
      readonly reason: string
      readonly expected?: string
    }

const VALID: UsccVerdict = { valid: true }

function orgCodeValue(char: string): number {
  const code = char.charCodeAt(0)
  return code >= 48 && code <= 57 ? code - 48 : code - 55 // 0–9, then A=10 … Z=35
}

/** The GB 11714 check character for the 8-character organisation-code body. */
export function organisationCheckCharacter(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += orgCodeValue(body[i] ?? '0') * (ORG_CODE_WEIGHTS[i] ?? 0)
  const r = 11 - (sum % 11)
  return r === 10 ? 'X' : r === 11 ? '0' : String(r)
}

/** The GB 32100 check character (pos 18) for the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < first17.length; i++)
    sum += USCC_CHARSET.indexOf(first17[i] ?? '0') * (USCC_WEIGHTS[i] ?? 0)
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '?'
}

const WELL_FORMED = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export function validateUscc(code: string): UsccVerdict {
  // The common case (a well-formed code with both check characters right) without building a reason.
  if (
    WELL_FORMED.test(code) &&
    code[16] === organisationCheckCharacter(code.slice(8, 16)) &&
    code[17] === usccCheckCharacter(code.slice(0, 17))
  ) {
    return VALID
  }
  if (code.length !== 18) {
    return { valid: false, position: null, reason: `a USCC has 18 characters, this one has ${code.length}` }
  }
  for (const [i, char] of [...code].entries()) {
    if (!USCC_CHARSET.includes(char)) {
      return {
        valid: false,
        position: i + 1,
        reason: `"${char}" is not allowed (no I, O, S, V, Z or lower case)`,
      }
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    const position = [...code.slice(2, 8)].findIndex((c) => !/\d/.test(c)) + 3
    return {
      valid: false,
      position,
      reason: 'positions 3–8 are the administrative-division code: digits only',
    }
  }
  const orgExpected = organisationCheckCharacter(code.slice(8, 16))
  if (code[16] !== orgExpected) {
    return {
      valid: false,
      position: 17,
      reason: `the organisation-code check character (GB 11714) should be ${orgExpected}`,
      expected: orgExpected,
    }
  }
  const expected = usccCheckCharacter(code.slice(0, 17))
  if (code[17] !== expected) {
    return { valid: false, position: 18, reason: `the check character should be ${expected}`, expected }
  }
  return { valid: true }
}

/** Completes a 16-character prefix (pos 1–16) into a valid code: adds both check characters. */
export function completeUscc(prefix16: string): string {
  const first17 = prefix16 + organisationCheckCharacter(prefix16.slice(8, 16))
  return first17 + usccCheckCharacter(first17)
}
