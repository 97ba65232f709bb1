// ISO 8601 durations for the sandbox clock ("P20D", "PT36H", "P1W2DT3H"): weeks, days, hours, minutes
// and seconds only. Months and years have no fixed length, so they are refused rather than guessed.
import { InvalidInput } from '../shared/errors.ts'

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/
const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const

export const DURATION_PATTERN = PATTERN.source

export function durationMs(text: string): number {
  const match = PATTERN.exec(text)
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new InvalidInput(
      `"${text}" is not an ISO 8601 duration of weeks, days, hours, minutes or seconds (e.g. P20D, PT2H)`,
      {},
      'invalid_duration',
    )
  }
  return UNIT_MS.reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * unit, 0)
}
