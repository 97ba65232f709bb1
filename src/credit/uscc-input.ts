// Every API field and CLI argument that takes a USCC goes through here: a bad code is refused with the
// failing position and, for a check character, the character expected.
import { InvalidInput } from '../shared/errors.ts'
import { validateUscc } from './uscc.ts'

/** The message for a bad code, e.g. 'uscc: position 18: the check character should be 9'. */
export function usccProblem(code: string, field = 'uscc'): InvalidInput | null {
  const verdict = validateUscc(code)
  if (verdict.valid) return null
  const where = verdict.position === null ? '' : ` position ${verdict.position}:`
  return new InvalidInput(
    `${field} "${code.slice(0, 40)}" is not a valid Unified Social Credit Code (GB 32100-2015):${where} ${verdict.reason}`,
    {
      field,
      position: verdict.position,
      ...(verdict.expected ? { expected: verdict.expected } : {}),
      reason: verdict.reason,
    },
    'invalid_uscc',
  )
}

export function assertValidUscc(code: string, field = 'uscc'): string {
  const problem = usccProblem(code, field)
  if (problem) throw problem
  return code
}
