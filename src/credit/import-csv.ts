// CSV records of a credit import, parsed as a stream by csv-parse (RFC 4180 quoting, CRLF or LF, a BOM),
// each numbered by the line it starts on; the first non-blank row is the header. Blank rows are skipped;
// a row with the wrong number of fields is a bad record; a quote never closed, or a row so long that it
// must be one, makes the whole file unreadable (csv-parse stops there, so the rows after it are unknown).
import { pipeline } from 'node:stream/promises'
import { type CsvError, type Info, parse } from 'csv-parse'
import { FileProblem, type RawRecord } from './import-parse.ts'

/** A detail is at most 2,000 characters: a row far longer than that is a quote left open. */
export const MAX_CSV_ROW_CHARS = 64 * 1024

const count = (text: string, what: string) => {
  let found = 0
  for (let i = text.indexOf(what); i !== -1; i = text.indexOf(what, i + what.length)) found++
  return found
}

/**
 * The line each row starts on, from csv-parse's line count where the row ends. csv-parse counts every CR
 * and every LF inside quotes as a line (a quoted CRLF twice) but a CRLF between rows once, so each row
 * takes back the line breaks it holds, and the CRLFs of earlier rows are taken back too.
 */
function startLines() {
  let overcounted = 0
  let next = 1
  return {
    of(cells: readonly string[], endLine: number): number {
      let breaks = 0
      let pairs = 0
      for (const cell of cells) {
        if (!cell.includes('\r') && !cell.includes('\n')) continue
        breaks += count(cell, '\r') + count(cell, '\n')
        pairs += count(cell, '\r\n')
      }
      const start = endLine - breaks - overcounted
      overcounted += pairs
      next = start + breaks - pairs + 1
      return start
    },
    /** The line after the last row read. */
    next: () => next,
  }
}

function unreadable(error: CsvError, line: number): FileProblem {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return new FileProblem(`line ${line}: a quoted field is never closed (an odd number of " characters)`)
  if (error.code === 'CSV_MAX_RECORD_SIZE')
    return new FileProblem(
      `line ${line}: a row longer than ${MAX_CSV_ROW_CHARS} characters (a quote left open?)`,
    )
  return new FileProblem(`line ${line}: ${error.message}`)
}

const blank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '')

export async function* csvRecords(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<RawRecord> {
  // The first error, and how many records csv-parse had given out when it met it.
  const broken: { error: CsvError | null; afterRecords: number } = { error: null, afterRecords: 0 }
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true, // we report the count ourselves, with the line
    relax_quotes: true, // a quote inside an unquoted field is text, as before
    skip_records_with_error: true, // to hear about the error here, with every row before it read
    max_record_size: MAX_CSV_ROW_CHARS,
    on_skip: (error) => {
      if (broken.error || !error) return
      broken.error = error
      broken.afterRecords = parser.info.records
    },
  })
  const piping = pipeline(bytes, parser)
  try {
    const lines = startLines()
    let names: string[] | null = null
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (broken.error && info.records > broken.afterRecords) break
      const line = lines.of(record, info.lines)
      if (blank(record)) continue
      if (names === null) {
        names = record.map((name) => name.trim())
        continue
      }
      if (record.length !== names.length) {
        yield { line, fields: { __problem: `has ${record.length} fields, the header ${names.length}` } }
        continue
      }
      yield { line, fields: Object.fromEntries(names.map((name, i) => [name, record[i]])) }
    }
    if (broken.error) throw unreadable(broken.error, lines.next())
    if (names === null) throw new FileProblem('the file is empty: a CSV import needs a header row')
  } finally {
    await piping.catch(() => {}) // its error, if any, was the parser's, thrown above
  }
}
