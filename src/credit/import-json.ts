// JSON records of a credit import, each with the line it starts on. JSON Lines (.jsonl / .ndjson) are read
// a line at a time as the bytes arrive. A JSON array is read whole, since JSON.parse needs all of it: a
// large register is better sent as CSV or JSON Lines.
import { FileProblem, type RawRecord } from './import-parse.ts'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The text, decoded as it arrives (a BOM is dropped, broken UTF-8 becomes U+FFFD). */
async function* decoded(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true })
  yield decoder.decode()
}

function lineRecord(raw: string, line: number): RawRecord {
  try {
    const parsed: unknown = JSON.parse(raw)
    return { line, fields: isObject(parsed) ? parsed : { __problem: 'is not a JSON object' } }
  } catch {
    return { line, fields: { __problem: 'is not valid JSON' } }
  }
}

export async function* jsonLinesRecords(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<RawRecord> {
  let pending = ''
  let line = 0
  for await (const text of decoded(bytes)) {
    pending += text
    let start = 0
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      const raw = pending.slice(start, end)
      line++
      if (raw.trim() !== '') yield lineRecord(raw, line)
      start = end + 1
    }
    pending = pending.slice(start)
  }
  line++
  if (pending.trim() !== '') yield lineRecord(pending, line)
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

export async function* jsonArrayRecords(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<RawRecord> {
  let text = ''
  for await (const chunk of decoded(bytes)) text += chunk
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new FileProblem(`the file is not JSON: ${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new FileProblem('a JSON import is an array of records')
  const lines = elementLines(text)
  for (const [i, fields] of parsed.entries())
    yield { line: lines[i] ?? 0, fields: isObject(fields) ? fields : { __problem: 'is not a JSON object' } }
}
