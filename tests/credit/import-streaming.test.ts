// `credit import` streams: a file far larger than any stream buffer, made on the fly in odd-sized chunks
// (cut inside rows, quoted line breaks and UTF-8 characters), is stored batch by batch while it is still
// being read, with its lines, hash and counts as if it had been read whole; a broken quote is refused.
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ImportFileError, type ImportProgress, importCreditFile } from '../../src/credit/import-credit.ts'
import { IMPORT_BATCH_ROWS } from '../../src/credit/import-store.ts'
import { completeUscc } from '../../src/credit/uscc.ts'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { openTestDatabase } from '../support/test-database.ts'
import { BANNED, CSV_HEADER } from './support.ts'

const ROWS = 30_000
const BAD_ROW = 27_000 // far past anything read ahead
const at = new Date('2026-03-01T00:00:00Z')

function row(i: number): string {
  const uscc = completeUscc(`91440605${String(i).padStart(8, '0')}`)
  const startsOn = i === BAD_ROW ? '2025-02-30' : '2025-03-01'
  // every 7th detail spans two lines (a quoted CRLF); every row has Chinese text
  const detail = i % 7 === 0 ? `"第${i}条\r\n罚款, 整改"` : `测试记录${i}`
  return `${uscc},penalty,佛建罚〔2025〕${i}号,测试企业${i},佛山市住房和城乡建设局,${startsOn},,${detail},`
}

/** The line each row starts on: the header is line 1, a quoted CRLF adds one. */
const lineOf = (i: number) => 2 + i + Math.ceil(i / 7)

/** The file, produced only as the import asks for it, in chunks of 1 to 4,000 bytes. */
function generatedFile() {
  const produced = { rows: 0, hash: createHash('sha256') }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let pending = Buffer.from(`${CSV_HEADER}\r\n`)
    for (let i = 0; i < ROWS || pending.length > 0; ) {
      while (i < ROWS && pending.length < 4000) {
        pending = Buffer.concat([pending, Buffer.from(`${row(i)}\r\n`)])
        i++
        produced.rows = i
      }
      const size = 1 + ((i * 7919) % 4000) // odd cuts: mid-row, mid-quote, mid-character
      const chunk = pending.subarray(0, size)
      pending = pending.subarray(size)
      produced.hash.update(chunk)
      yield chunk
    }
  }
  return { chunks: chunks(), produced }
}

let database: DatabaseHandle

describe('a streamed credit import', () => {
  beforeEach(async () => {
    database = await openTestDatabase()
  })
  afterEach(() => database.close())

  it('stores batches while the file is still being read, and reports it as if read whole', async () => {
    const file = generatedFile()
    const seen: (ImportProgress & { producedRows: number })[] = []
    const report = await importCreditFile(database.db, 'register.csv', file.chunks, {
      strict: false,
      importedBy: 'cli',
      at,
      onProgress: (progress) => seen.push({ ...progress, producedRows: file.produced.rows }),
    })
    // incremental: the first batch was in the database when only a little of the file had been made
    const firstStored = seen.find((progress) => progress.rowsStored > 0)
    expect(firstStored?.rowsStored).toBe(IMPORT_BATCH_ROWS)
    expect(firstStored!.producedRows).toBeLessThan(IMPORT_BATCH_ROWS + 500)
    expect(
      seen.filter((progress) => progress.rowsStored > 0 && progress.producedRows < ROWS).length,
    ).toBeGreaterThan(10)
    expect(seen.at(-1)).toMatchObject({ rowsRead: ROWS, rowsStored: ROWS - 1 })

    expect(report).toMatchObject({ rowsTotal: ROWS, rowsGood: ROWS - 1, rowsBad: 1 })
    expect(report.bad).toEqual([
      { line: lineOf(BAD_ROW), problem: 'start: 2025-02-30 is not a calendar date' },
    ])
    expect(report.stored).toMatchObject({ inserted: ROWS - 1, updated: 0, unchanged: 0 })
    const recorded = await database.db.selectFrom('credit_imports').selectAll().executeTakeFirstOrThrow()
    expect(recorded).toMatchObject({
      file_sha256: file.produced.hash.digest('hex'),
      rows_total: ROWS,
      rows_bad: 1,
    })
    const multiline = await database.db
      .selectFrom('credit_records')
      .select(['detail'])
      .where('reference', '=', '佛建罚〔2025〕14号')
      .executeTakeFirstOrThrow()
    expect(multiline.detail).toBe('第14条\r\n罚款, 整改')
    const { count } = await database.db
      .selectFrom('credit_records')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    expect(Number(count)).toBe(ROWS - 1)
  })

  it('rolls back every batch already written when strict meets a bad row late in the file', async () => {
    const report = await importCreditFile(database.db, 'register.csv', generatedFile().chunks, {
      strict: true,
      importedBy: 'cli',
      at,
    })
    expect(report).toMatchObject({ rowsTotal: ROWS, rowsBad: 1, stored: null })
    expect(await database.db.selectFrom('credit_records').selectAll().execute()).toEqual([])
    expect(await database.db.selectFrom('credit_imports').selectAll().execute()).toEqual([])
  })

  it('refuses a file whose quote is never closed, naming the line it opens on, and stores nothing', async () => {
    const text = [
      CSV_HEADER,
      `${BANNED},penalty,R1,,,,,ok,`,
      `${BANNED},penalty,R2,,,,,"open,`,
      'more',
      '',
    ].join('\n')
    const importing = importCreditFile(database.db, 'register.csv', text, {
      strict: false,
      importedBy: 'cli',
      at,
    })
    await expect(importing).rejects.toThrow(ImportFileError)
    await expect(importing).rejects.toThrow(/^register\.csv: line 3: a quoted field is never closed/)
    expect(await database.db.selectFrom('credit_records').selectAll().execute()).toEqual([])
  })
})
