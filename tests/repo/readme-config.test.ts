// The README's configuration tables name exactly the environment variables that src/ and bin/ read:
// a variable the code reads but the README does not document fails, and so does one documented but
// no longer read. The scanner itself is checked on each pattern it claims to understand.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { environmentReadsOf, sourcesUnder } from './environment-reads.ts'

interface ConfigurationRow {
  readonly names: readonly string[]
  readonly cells: readonly string[]
  readonly line: string
}

/** The rows of every table in the README's "## Configuration" section (up to the next "## "). */
function configurationRows(readme: string): ConfigurationRow[] {
  const start = readme.search(/^## Configuration\s*$/m)
  if (start < 0) throw new Error('the README has no "## Configuration" section')
  const rest = readme.slice(start + 1)
  const end = rest.search(/^## /m)
  const section = end < 0 ? rest : rest.slice(0, end)
  const tableLines = section.split('\n').filter((line) => line.trimStart().startsWith('|'))
  const cellsOf = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim())
  return tableLines
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line.trim()))
    .map((line) => ({ line, cells: cellsOf(line) }))
    .filter(({ cells }) => cells[0] !== 'variable')
    .map(({ line, cells }) => ({
      line,
      cells,
      names: [...(cells[0] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
    }))
}

const readme = fs.readFileSync('README.md', 'utf8')
const rows = configurationRows(readme)
const documented = new Set(rows.flatMap((row) => row.names))
const code = environmentReadsOf(sourcesUnder('src', 'bin'))

describe("the README's configuration tables", () => {
  it('name every environment variable the code reads', () => {
    const missing = [...code.names].filter((name) => !documented.has(name)).sort()
    expect(missing, 'read by src/ or bin/ but not in the README configuration tables').toEqual([])
  })

  it('name no variable the code does not read', () => {
    const stale = [...documented].filter((name) => !code.names.has(name)).sort()
    expect(stale, 'in the README configuration tables but read nowhere in src/ or bin/').toEqual([])
  })

  it('spell every name in full and give each row a default and a meaning', () => {
    const badNames = rows.flatMap((row) => row.names).filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))
    expect(badNames, 'not a full variable name (write YOUXUAN_X_Y, not _Y)').toEqual([])
    const incomplete = rows.filter(
      (row) => row.names.length === 0 || row.cells.length < 3 || row.cells.some((cell) => cell === ''),
    )
    expect(incomplete.map((row) => row.line)).toEqual([])
  })

  it('are found by the scan of the code, which resolves every read of the environment', () => {
    expect(code.unresolved, 'reads of the environment the scan cannot name').toEqual([])
    expect(code.names.size).toBeGreaterThan(10)
  })
})

describe('the scan of environment reads', () => {
  const scan = (text: string) => environmentReadsOf(new Map([['a.ts', text]]))

  it('finds dot, bracket and destructuring reads of process.env and of an env parameter', () => {
    const found = scan(`
      const port = process.env.PORT
      const host = process.env['HOST'] ?? process.env?.["BIND"]
      const { DATABASE_URL, LOG_LEVEL: level = 'info', ...others } = process.env
      function f(env: NodeJS.ProcessEnv) { return env.YOUXUAN_KEK?.trim() }
    `)
    expect([...found.names].sort()).toEqual([
      'BIND',
      'DATABASE_URL',
      'HOST',
      'LOG_LEVEL',
      'PORT',
      'YOUXUAN_KEK',
    ])
    expect(found.unresolved).toEqual([])
  })

  it("follows a helper's name parameter to the names its callers pass", () => {
    const found = scan(`
      function whole(env: NodeJS.ProcessEnv, name: string, fallback: number) { return env[name] ?? fallback }
      const a = whole(env, 'YOUXUAN_A', 1)
      const b = whole(
        env, "YOUXUAN_B", 2)
    `)
    expect([...found.names].sort()).toEqual(['YOUXUAN_A', 'YOUXUAN_B'])
    expect(found.unresolved).toEqual([])
  })

  it('reports a dynamic read it cannot name', () => {
    const found = scan(`const key = pick()\nconst value = process.env[key]\n`)
    expect(found.unresolved).toEqual(['a.ts:2'])
  })
})
