// The catalogue: English has every key of the Chinese source (tsc checks it; this checks the values are
// filled), state names are the records' words, and a refusal shows in the user's language beside the
// field it names, or the API's English message for a code the catalogue does not word.
import { describe, expect, it } from 'vitest'
import { RuleViolation } from '../../src/shared/errors.ts'
import { en } from '../../src/web/messages/en.ts'
import { zhCN } from '../../src/web/messages/zh-CN.ts'
import { problemFactsOf } from '../../src/web/problem-facts.ts'
import { problemError, problemText } from '../../src/web/problem-messages.ts'
import { TENDER_STATES } from '../../state-machines/tender.machine.ts'
import { stateText } from '../../templates/pdf/format.ts'

function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`]
  if (typeof value === 'string') return value.trim() ? [path] : [`${path} (blank)`]
  return Object.entries(value as object).flatMap(([key, inner]) => shape(inner, `${path}.${key}`))
}

describe('message catalogue', () => {
  it('has the same keys, none blank, in both languages', () => {
    expect(shape(en)).toEqual(shape(zhCN))
    expect(shape(zhCN).filter((key) => key.endsWith('(blank)'))).toEqual([])
  })

  it('names every state with the words of the signed records', () => {
    for (const state of TENDER_STATES) {
      expect(zhCN.states[state]).toBe(stateText(state))
      expect(en.states[state]).not.toBe('')
    }
  })

  it('words a refusal in the user language beside the field it names', () => {
    const refusal = new RuleViolation(
      'the deadline must be at least 20 days after publication',
      {
        rule: 'minBidDays',
        limit: 20,
        source: '法 Art 24',
        field: 'deadline',
        earliestDeadline: '2026-03-22T01:30:00.000Z',
      },
      'deadline_too_soon',
    )
    const problem = problemFactsOf(refusal)!
    expect(problemError(zhCN, problem, ['deadline', 'awardMethod'])).toEqual({
      field: 'deadline',
      text: '投标截止时间距发布不得少于 20 日，最早为 2026年3月22日 09:30（北京时间）',
    })
    expect(problemError(en, problem, ['bidDeadline'], { deadline: 'bidDeadline' }).field).toBe('bidDeadline')
    expect(problemError(en, problem, ['title']).field).toBeNull()
  })

  it('falls back to the API message for a code it does not word', () => {
    const problem = problemFactsOf(new RuleViolation('something new refused', {}, 'brand_new_code'))!
    expect(problemText(zhCN, problem)).toBe('something new refused')
    expect(problemFactsOf(new Error('bug'))).toBeNull()
  })
})
