// Reading a credit import file, as a stream of bytes, into raw records one at a time, each with the line
// it starts on: CSV with a header row (import-csv.ts), a JSON array of objects or JSON Lines
// (import-json.ts). A problem with the file as a whole (no header, not JSON) is thrown as a FileProblem.
import { csvRecords } from './import-csv.ts'
import { jsonArrayRecords, jsonLinesRecords } from './import-json.ts'

export interface RawRecord {
  readonly line: number
  readonly fields: Readonly<Record<string, unknown>>
}

export type FileFormat = 'csv' | 'json' | 'jsonl'

/** What is wrong with the file as a whole, not with one of its rows. */
export class FileProblem extends Error {
  override readonly name = 'FileProblem'
}

export function formatOf(fileName: string): FileFormat | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  return null
}

/** The file's records in order, read as the bytes arrive (a JSON array is the exception: see import-json). */
export function readImportRecords(
  bytes: AsyncIterable<Uint8Array>,
  format: FileFormat,
): AsyncIterable<RawRecord> {
  if (format === 'csv') return csvRecords(bytes)
  return format === 'json' ? jsonArrayRecords(bytes) : jsonLinesRecords(bytes)
}
