// A credit import from a file's text: parse, validate every row, then store the good rows in one
// transaction, or nothing at all with `strict` when any row is bad.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { type FileFormat, formatOf, parseImportFile } from './import-parse.ts'
import { type BadRow, validateRecords } from './import-rows.ts'
import { type StoredImport, storeRegisterRecords } from './import-store.ts'

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError'
}

export interface ImportOptions {
  readonly strict: boolean
  /** The user id, or 'cli'. */
  readonly importedBy: string
  readonly at: Date
  readonly onProgress?: (done: number, total: number) => void
}

export interface ImportReport {
  readonly fileName: string
  readonly format: FileFormat
  readonly rowsTotal: number
  readonly rowsGood: number
  readonly bad: readonly BadRow[]
  /** Null when nothing was stored (strict with bad rows, or no good row). */
  readonly stored: StoredImport | null
}

export async function importCreditText(
  db: Kysely<Database>,
  fileName: string,
  content: string | Uint8Array,
  options: ImportOptions,
): Promise<ImportReport> {
  const format = formatOf(fileName)
  if (!format) throw new ImportFileError(`${fileName}: the file must end in .csv, .json, .jsonl or .ndjson`)
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)
  const parsed = parseImportFile(text, format)
  if (!parsed.ok) throw new ImportFileError(`${fileName}: ${parsed.problem}`)
  const { good, bad } = validateRecords(parsed.records)
  const base = { fileName, format, rowsTotal: parsed.records.length, rowsGood: good.length, bad }
  if (good.length === 0 || (options.strict && bad.length > 0)) return { ...base, stored: null }
  const meta = {
    fileName,
    fileSha256: sha256Hex(content),
    strict: options.strict,
    rowsTotal: parsed.records.length,
    rowsBad: bad.length,
    importedBy: options.importedBy,
    at: options.at,
  }
  return { ...base, stored: await storeRegisterRecords(db, good, meta, options.onProgress) }
}
