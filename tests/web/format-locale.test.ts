// Money from integer fen as ¥ with grouping (exact at any size), times in Asia/Shanghai with the zone
// inside <time datetime> in UTC, typed yuan back to fen, and the choice of language.
import { describe, expect, it } from 'vitest'
import { money, parseYuan, timeTag, timeText, yuanInput } from '../../src/web/format.ts'
import { fromAcceptLanguage, resolveLocale } from '../../src/web/locale.ts'

describe('money', () => {
  it('formats fen as yuan with grouping in both languages, exactly', () => {
    expect(money('125000000', 'zh-CN')).toBe('¥1,250,000.00')
    expect(money('125000005', 'en')).toBe('¥1,250,000.05')
    expect(money('999999999999999999', 'zh-CN')).toBe('¥9,999,999,999,999,999.99')
    expect(money(-5n, 'zh-CN')).toBe('-¥0.05')
    expect(money(null, 'en')).toBe('—')
    expect(() => money('12.5', 'en')).toThrow()
  })

  it('reads typed yuan back to fen, refusing what is not an amount', () => {
    expect(parseYuan('1,250,000')).toBe('125000000')
    expect(parseYuan('¥ 38 000.5')).toBe('3800050')
    expect(parseYuan('0.05')).toBe('5')
    for (const bad of ['', '-1', '1.234', 'abc', '1e6', '01']) expect(parseYuan(bad)).toBeNull()
    expect(yuanInput('3800050')).toBe('38000.50')
    expect(yuanInput('125000000')).toBe('1250000')
  })
})

describe('times', () => {
  it('shows Shanghai time with its zone and keeps UTC in datetime', () => {
    expect(timeText('2026-03-23T01:30:00Z', 'zh-CN')).toBe('2026年3月23日 09:30（北京时间）')
    expect(timeText('2026-03-23T16:30:00Z', 'en')).toBe('24 Mar 2026, 00:30 (China time, UTC+8)')
    expect(timeTag('2026-03-23T01:30:00+00:00', 'zh-CN').toString()).toBe(
      '<time datetime="2026-03-23T01:30:00.000Z">2026年3月23日 09:30（北京时间）</time>',
    )
    expect(timeTag(null, 'en').toString()).toBe('—')
  })
})

describe('language', () => {
  it('takes ?lang= first (remembered), then the cookie, then Accept-Language, then zh-CN', () => {
    expect(resolveLocale({ lang: 'en' }, 'zh-CN', 'zh')).toEqual({ locale: 'en', remember: true })
    expect(resolveLocale({ lang: 'fr' }, 'en', 'zh')).toEqual({ locale: 'en', remember: false })
    expect(resolveLocale({}, undefined, 'en-GB,en;q=0.9')).toEqual({ locale: 'en', remember: false })
    expect(resolveLocale({}, 'xx', undefined)).toEqual({ locale: 'zh-CN', remember: false })
  })

  it('weighs Accept-Language by q', () => {
    expect(fromAcceptLanguage('en;q=0.5, zh-TW;q=0.8')).toBe('zh-CN')
    expect(fromAcceptLanguage('fr, en;q=0.1')).toBe('en')
    expect(fromAcceptLanguage('fr, de')).toBe('zh-CN')
    expect(fromAcceptLanguage('en;q=0, zh;q=0')).toBe('zh-CN')
  })
})
