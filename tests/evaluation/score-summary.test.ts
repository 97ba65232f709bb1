// The per-bid score summary: whole hundredths, so the mean never drifts, rounded half-up.
import { describe, expect, it } from 'vitest'
import { summariseScores } from '../../src/evaluation/evaluation-record.ts'

describe('summariseScores', () => {
  it('is empty with no scores', () => {
    expect(summariseScores([])).toEqual({ count: 0, mean: null, min: null, max: null })
  })

  it('rounds an exact half up', () => {
    expect(summariseScores([80.01, 80.02]).mean).toBe('80.02') // 80.015
    expect(summariseScores([0, 0.01]).mean).toBe('0.01') // 0.005
  })

  it('keeps what floats would blur', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; in hundredths it is exactly 30.
    expect(summariseScores([0.1, 0.2, 0.6]).mean).toBe('0.30')
    expect(summariseScores([100, 100, 100]).mean).toBe('100.00')
    expect(summariseScores([33.33, 33.33, 33.34])).toEqual({
      count: 3,
      mean: '33.33',
      min: 33.33,
      max: 33.34,
    })
  })
})
