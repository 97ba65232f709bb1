// A credit import from a file read as a stream: each row is parsed, validated and stored as it arrives
// (in batches, in one transaction), so a file of a million rows is never held in memory. Nothing is
// stored when no row is good, or with `strict` when any row is bad: the transaction is rolled back.
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { type FileFormat, FileProblem, formatOf, readImportRecords } from './import-parse.ts'
import { type BadRow, createRowValidator } from './import-rows.ts'
import {
  IMPORT_BATCH_ROWS,
  type RegisterImport,
  type StoredImport,
  startRegisterImport,
} from './import-store.ts'

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError'
}

/** The file's content: whole, or as a stream of chunks (a file read stream, a request body). */
export type ImportContent = string | Uint8Array | AsyncIterable<Uint8Array | string>

export interface ImportProgress {
  readonly rowsRead: number
  /** Good rows written to the register so far, in batches (strict stops writing at the first bad row). */
  readonly rowsStored: number
  readonly bytesRead: number
}

export interface ImportOptions {
  readonly strict: boolean
  /** The user id, or 'cli'. */
  readonly importedBy: string
  readonly at: Date
  /** Every IMPORT_BATCH_ROWS rows read, and once at the end (with every good row stored). */
  readonly onProgress?: (progress: ImportProgress) => void
}

/** The bad rows kept in the report; the rest are only counted. */
export const BAD_ROWS_KEPT = 1000

export interface ImportReport {
  readonly fileName: string
  readonly format: FileFormat
  readonly rowsTotal: number
  readonly rowsGood: number
  readonly rowsBad: number
  /** The first BAD_ROWS_KEPT bad rows, in file order. */
  readonly bad: readonly BadRow[]
  /** Null when nothing was stored (strict with bad rows, or no good row). */
  readonly stored: StoredImport | null
}

/** The content as bytes, hashed and counted on the way through. */
function measured(content: ImportContent) {
  const hash = createHash('sha256')
  let bytesRead = 0
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const source = typeof content === 'string' || content instanceof Uint8Array ? [content] : content
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      hash.update(bytes)
      bytesRead += bytes.byteLength
      yield bytes
    }
  }
  return { chunks: chunks(), bytesRead: () => bytesRead, sha256: () => hash.digest('hex') }
}

/** Thrown to roll the transaction back when nothing may be stored; carries the report. */
class NothingStored extends Error {
  constructor(readonly report: ImportReport) {
    super('nothing stored')
  }
}

type Tally = { rowsTotal: number; rowsGood: number; rowsBad: number; bad: BadRow[] }

type Reading = { file: ReturnType<typeof measured>; register: RegisterImport; tally: Tally }

const progressOf = ({ file, register, tally }: Reading): ImportProgress => ({
  rowsRead: tally.rowsTotal,
  rowsStored: register.stored(),
  bytesRead: file.bytesRead(),
})

async function readAndStore(reading: Reading, format: FileFormat, options: ImportOptions): Promise<void> {
  const { tally, register } = reading
  const validate = createRowValidator()
  for await (const raw of readImportRecords(reading.file.chunks, format)) {
    tally.rowsTotal++
    const row = validate(raw)
    if (row.ok) {
      tally.rowsGood++
      // strict keeps reading, to report every bad row, but stores nothing more: it will roll back
      if (!(options.strict && tally.rowsBad > 0)) await register.add(row.record)
    } else {
      tally.rowsBad++
      if (tally.bad.length < BAD_ROWS_KEPT) tally.bad.push({ line: row.line, problem: row.problem })
    }
    if (tally.rowsTotal % IMPORT_BATCH_ROWS === 0) options.onProgress?.(progressOf(reading))
  }
}

export async function importCreditFile(
  db: Kysely<Database>,
  fileName: string,
  content: ImportContent,
  options: ImportOptions,
): Promise<ImportReport> {
  const format = formatOf(fileName)
  if (!format) throw new ImportFileError(`${fileName}: the file must end in .csv, .json, .jsonl or .ndjson`)
  const file = measured(content)
  const start = { fileName, strict: options.strict, importedBy: options.importedBy, at: options.at }
  try {
    return await db.transaction().execute(async (trx) => {
      const tally: Tally = { rowsTotal: 0, rowsGood: 0, rowsBad: 0, bad: [] }
      const reading = { file, register: await startRegisterImport(trx, start), tally }
      await readAndStore(reading, format, options)
      const report = { fileName, format, ...tally }
      if (tally.rowsGood === 0 || (options.strict && tally.rowsBad > 0)) {
        options.onProgress?.(progressOf(reading))
        throw new NothingStored({ ...report, stored: null })
      }
      const end = { fileSha256: file.sha256(), rowsTotal: tally.rowsTotal, rowsBad: tally.rowsBad }
      const stored = await reading.register.finish(end)
      options.onProgress?.(progressOf(reading))
      return { ...report, stored }
    })
  } catch (error) {
    if (error instanceof NothingStored) return error.report
    if (error instanceof FileProblem) throw new ImportFileError(`${fileName}: ${error.message}`)
    throw error
  }
}
