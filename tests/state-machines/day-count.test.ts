import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addLimitDays, isShanghaiWeekend } from '../../state-machines/day-count.ts'
import { isInstant } from '../../state-machines/time.ts'

const MONDAY_0930_SHANGHAI = '2025-03-03T01:30:00.000Z'

describe('addDays', () => {
  it('adds n × 24 h for calendar days', () => {
    expect(addDays(MONDAY_0930_SHANGHAI, 20, 'calendar')).toBe('2025-03-23T01:30:00.000Z')
    expect(addDays('2025-03-03T09:30:00+08:00', 0, 'calendar')).toBe(MONDAY_0930_SHANGHAI)
  })

  it('skips Saturday and Sunday for working days, not counting the start day', () => {
    expect(addDays(MONDAY_0930_SHANGHAI, 5, 'working')).toBe('2025-03-10T01:30:00.000Z')
    expect(addDays('2025-03-07T01:30:00.000Z', 1, 'working')).toBe('2025-03-10T01:30:00.000Z') // Fri → Mon
  })

  it('counts weekends in Asia/Shanghai, not in UTC', () => {
    // Friday 17:00 UTC is already Saturday 01:00 in Shanghai: the next working day is Monday 01:00 there.
    expect(addDays('2025-03-07T17:00:00.000Z', 1, 'working')).toBe('2025-03-09T17:00:00.000Z')
  })

  it('refuses invalid instants and day counts', () => {
    expect(() => addDays('2025-03-03', 1, 'calendar')).toThrow(RangeError)
    expect(() => addDays(MONDAY_0930_SHANGHAI, -1, 'calendar')).toThrow(RangeError)
    expect(() => addDays(MONDAY_0930_SHANGHAI, 1.5, 'working')).toThrow(RangeError)
  })

  it('lets a limit override the pack counting', () => {
    const limit = { value: 1, source: 's', confidence: 'V' as const, counting: 'calendar' as const }
    const friday = '2025-03-07T01:30:00.000Z'
    expect(addLimitDays(friday, limit, { dayCounting: 'working' })).toBe('2025-03-08T01:30:00.000Z')
    expect(addLimitDays(friday, { ...limit, counting: undefined }, { dayCounting: 'working' })).toBe(
      '2025-03-10T01:30:00.000Z',
    )
  })

  it('working days never end on a Shanghai weekend and never come before calendar days', () => {
    const instants = fc
      .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
      .map((ms) => new Date(ms).toISOString())
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 40 }), (iso, n) => {
        const working = addDays(iso, n, 'working')
        const calendar = addDays(iso, n, 'calendar')
        expect(isInstant(working)).toBe(true)
        expect(isShanghaiWeekend(Date.parse(working))).toBe(false)
        expect(Date.parse(working)).toBeGreaterThanOrEqual(Date.parse(calendar))
        expect(Date.parse(calendar) - Date.parse(iso)).toBe(n * 86_400_000)
      }),
    )
  })
})
