// Reading a credit import file into raw records, each with the line it starts on: CSV with a header
// row (RFC 4180 quoting), a JSON array of objects, or JSON Lines (.jsonl / .ndjson). Pure.

export interface RawRecord {
  readonly line: number
  readonly fields: Readonly<Record<string, unknown>>
}

export type ParsedFile = { ok: true; records: RawRecord[] } | { ok: false; problem: string }

export type FileFormat = 'csv' | 'json' | 'jsonl'

export function formatOf(fileName: string): FileFormat | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  return null
}

const STOP = /[,\r\n]/g

/** The index of the next comma or line break at or after `from` (or the end). */
function nextStop(text: string, from: number): number {
  STOP.lastIndex = from
  return STOP.exec(text)?.index ?? text.length
}

const newlinesIn = (text: string, from: number, to: number) => {
  let count = 0
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** A quoted field from its opening quote: its text, where it ends, and how many line breaks it held. */
function quotedField(text: string, open: number): { cell: string; end: number; lines: number } {
  let cell = ''
  let from = open + 1
  let lines = 0
  for (;;) {
    const quote = text.indexOf('"', from)
    const to = quote === -1 ? text.length : quote
    cell += text.slice(from, to)
    lines += newlinesIn(text, from, to)
    if (quote === -1) return { cell, end: text.length, lines }
    if (text[quote + 1] !== '"') return { cell, end: quote + 1, lines }
    cell += '"' // "" inside quotes
    from = quote + 2
  }
}

/** CSV rows as arrays of fields (RFC 4180), each with the line it starts on (a quoted field may span lines). */
function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = []
  let i = 0
  let line = 1
  while (i < text.length) {
    const rowLine = line
    const cells: string[] = []
    for (;;) {
      let cell = ''
      if (text[i] === '"') {
        const quoted = quotedField(text, i)
        line += quoted.lines
        cell = quoted.cell
        i = quoted.end
      }
      const stop = nextStop(text, i)
      cells.push(cell + text.slice(i, stop))
      i = stop
      if (text[i] !== ',') break
      i++
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++
    if (i < text.length) line++
    i++
    rows.push({ line: rowLine, cells })
  }
  return rows
}

function parseCsv(text: string): ParsedFile {
  const rows = csvRows(text).filter((row) => row.cells.some((cell) => cell.trim() !== ''))
  const header = rows.shift()
  if (!header) return { ok: false, problem: 'the file is empty: a CSV import needs a header row' }
  const names = header.cells.map((name) => name.trim())
  const records: RawRecord[] = []
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      const fields = { __problem: `has ${row.cells.length} fields, the header ${names.length}` }
      records.push({ line: row.line, fields })
      continue
    }
    records.push({ line: row.line, fields: Object.fromEntries(names.map((name, i) => [name, row.cells[i]])) })
  }
  return { ok: true, records }
}

/** The line on which each element of the top-level JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = []
  let depth = 0
  let inString = false
  let line = 1
  let expectValue = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') line++
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (depth === 1 && expectValue && !/[\s,\]]/.test(char ?? '')) {
      lines.push(line)
      expectValue = false
    }
    if (char === '"') inString = true
    else if (char === '[' || char === '{') {
      depth++
      if (depth === 1) expectValue = char === '['
    } else if (char === ']' || char === '}') depth--
    else if (char === ',' && depth === 1) expectValue = true
  }
  return lines
}

function parseJsonArray(text: string): ParsedFile {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: `the file is not JSON: ${(error as Error).message}` }
  }
  if (!Array.isArray(parsed)) return { ok: false, problem: 'a JSON import is an array of records' }
  const lines = elementLines(text)
  return {
    ok: true,
    records: parsed.map((fields, i) => ({
      line: lines[i] ?? 0,
      fields: isObject(fields) ? fields : { __problem: 'is not a JSON object' },
    })),
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function parseJsonLines(text: string): ParsedFile {
  const records: RawRecord[] = []
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue
    let fields: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(raw)
      fields = isObject(parsed) ? parsed : { __problem: 'is not a JSON object' }
    } catch {
      fields = { __problem: 'is not valid JSON' }
    }
    records.push({ line: i + 1, fields })
  }
  return { ok: true, records }
}

export function parseImportFile(text: string, format: FileFormat): ParsedFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (format === 'csv') return parseCsv(body)
  return format === 'json' ? parseJsonArray(body) : parseJsonLines(body)
}
