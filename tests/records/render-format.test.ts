// How records print money and time: yuan from integer fen without floats, the amount in capitals
// (大写), and Asia/Shanghai times labelled UTC+8.
import { describe, expect, it } from 'vitest'
import {
  shanghaiDate,
  shanghaiTime,
  shanghaiTimeLabelled,
  yuan,
  yuanInCapitals,
} from '../../templates/pdf/format.ts'

describe('money', () => {
  it('prints yuan with thousands separators from fen, exactly, even past 2^53', () => {
    expect(yuan('3800000000')).toBe('38,000,000.00 元')
    expect(yuan('3650000012')).toBe('36,500,000.12 元')
    expect(yuan('5')).toBe('0.05 元')
    expect(yuan('0')).toBe('0.00 元')
    expect(yuan('-1050')).toBe('-10.50 元')
    expect(yuan('900719925474099312')).toBe('9,007,199,254,740,993.12 元')
    expect(yuan(null)).toBe('—')
    expect(() => yuan('12.5')).toThrow(/not an amount in fen/)
  })

  it('writes amounts in capitals as bills do', () => {
    expect(yuanInCapitals('3650000000')).toBe('人民币叁仟陆佰伍拾万元整')
    expect(yuanInCapitals('3650000012')).toBe('人民币叁仟陆佰伍拾万元壹角贰分')
    expect(yuanInCapitals('10000100')).toBe('人民币壹拾万零壹元整')
    expect(yuanInCapitals('10001000000')).toBe('人民币壹亿零壹万元整')
    expect(yuanInCapitals('101000000')).toBe('人民币壹佰零壹万元整')
    expect(yuanInCapitals('100100000')).toBe('人民币壹佰万零壹仟元整')
    expect(yuanInCapitals('101000')).toBe('人民币壹仟零壹拾元整')
    expect(yuanInCapitals('100000000000')).toBe('人民币壹拾亿元整')
    expect(yuanInCapitals('120')).toBe('人民币壹元贰角整')
    expect(yuanInCapitals('105')).toBe('人民币壹元零伍分')
    expect(yuanInCapitals('5')).toBe('人民币伍分')
    expect(yuanInCapitals('0')).toBe('人民币零元整')
  })
})

describe('time', () => {
  it('shows UTC instants in Asia/Shanghai (UTC+8), across the date line', () => {
    expect(shanghaiTime('2026-03-23T01:30:00.000Z')).toBe('2026-03-23 09:30:00')
    expect(shanghaiTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00')
    expect(shanghaiTimeLabelled('2026-03-23T01:30:00.000Z')).toBe('2026-03-23 09:30:00（北京时间 UTC+8）')
    expect(shanghaiDate('2026-03-22T16:30:00.000Z')).toBe('2026年3月23日')
    expect(shanghaiTime(null)).toBe('—')
  })
})
