// `credit import`: every row validated and bad rows reported by line, good rows stored in one
// transaction (or none with strict), re-imports idempotent, each import audit-logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCreditFile } from '../../src/credit/import-credit.ts'
import { type RawRecord, readImportRecords } from '../../src/credit/import-parse.ts'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { openTestDatabase } from '../support/test-database.ts'
import { BANNED, CSV_HEADER, importCsv, PENALISED, REGISTER_LINES } from './support.ts'

let database: DatabaseHandle

const records = () =>
  database.db
    .selectFrom('credit_records')
    .select(['uscc', 'kind', 'reference', 'detail', 'import_id'])
    .orderBy('uscc')
    .orderBy('kind')
    .orderBy('reference')
    .execute()

describe('credit import', () => {
  beforeEach(async () => {
    database = await openTestDatabase()
  })
  afterEach(() => database.close())

  it('stores valid rows; a re-import of the same file changes nothing; a changed row is updated', async () => {
    const first = await importCsv(database.db, REGISTER_LINES)
    expect(first.bad).toEqual([])
    expect(first.stored).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 })
    const before = await records()
    expect(before.map((r) => [r.uscc, r.kind])).toEqual([
      [BANNED, 'biddingBan'],
      [PENALISED, 'biddingBan'],
      [PENALISED, 'penalty'],
    ])
    expect(before[2]!.detail).toBe('未按规定办理质量监督手续, 罚款')

    const again = await importCsv(database.db, REGISTER_LINES)
    expect(again.stored).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 })
    expect(await records()).toEqual(before) // not even the import id moved

    const extended = REGISTER_LINES.map((line) => line.replace('2027-05-31', '2027-12-31'))
    const changed = await importCsv(database.db, extended)
    expect(changed.stored).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 })
    const ban = await database.db
      .selectFrom('credit_records')
      .select(['ends_on as endsOn', 'import_id'])
      .select((eb) => eb.cast<string>('ends_on', 'text').as('endsOnText'))
      .where('uscc', '=', BANNED)
      .executeTakeFirstOrThrow()
    expect(ban.endsOnText).toBe('2027-12-31')
    expect(ban.import_id).toBe(changed.stored!.importId)
  })

  it('reports every bad row by line, with the USCC position and expected character, and imports the rest', async () => {
    const lines = [
      ...REGISTER_LINES, // lines 2–4
      '91350203M0001QAY9B,penalty,R1,,,,,,', // 5: the check character should be 9
      '91350200776O49653A,penalty,R2,,,,,,', // 6: O is not allowed
      `${BANNED},blacklist,R3,,,,,,`, // 7
      `${BANNED},biddingBan,R4,,,2025-01-01,,,`, // 8: a ban without its end
      `${BANNED},penalty,R5,,,2025-02-30,,,`, // 9
      `${BANNED},penalty,,,,,,,`, // 10
      `${BANNED},penalty,R6,,,2025-05-01,2025-04-01,,`, // 11
      `${BANNED},rating,R7,,,,,,`, // 12: no grade
      `${BANNED},biddingBan,佛建禁〔2025〕3号,,,2025-01-01,2026-01-01,,`, // 13: duplicate of line 2
      `${BANNED},penalty,R8,,`, // 14: too few fields
      `${PENALISED},信用评价,R9,,,2025-12-31,,,AA`, // 15: good, a Chinese kind
    ]
    const result = await importCsv(database.db, lines)
    expect(result.rowsTotal).toBe(14)
    expect(result.rowsGood).toBe(4)
    expect(result.bad).toEqual([
      { line: 5, problem: 'uscc "91350203M0001QAY9B": position 18: the check character should be 9' },
      {
        line: 6,
        problem: expect.stringMatching(/^uscc "91350200776O49653A": position 12: "O" is not allowed/),
      },
      { line: 7, problem: expect.stringMatching(/^kind: "blacklist" is not one of/) },
      { line: 8, problem: 'end: a bidding ban needs its end date' },
      { line: 9, problem: 'start: 2025-02-30 is not a calendar date' },
      { line: 10, problem: 'reference: missing (the decision or listing number, 文号)' },
      { line: 11, problem: 'end: 2025-04-01 is before start 2025-05-01' },
      { line: 12, problem: 'grade: a rating needs its grade' },
      { line: 13, problem: 'duplicates line 2 (same uscc, kind and reference)' },
      { line: 14, problem: 'has 5 fields, the header 9' },
    ])
    expect(result.stored).toMatchObject({ inserted: 4 })
    expect((await records()).map((r) => r.kind)).toContain('rating')
  })

  it('imports nothing at all with strict when any row is bad', async () => {
    const result = await importCsv(database.db, [...REGISTER_LINES, '91350203M0001QAY9B,penalty,R1,,,,,,'], {
      strict: true,
    })
    expect(result.stored).toBeNull()
    expect(result.bad).toHaveLength(1)
    expect(await records()).toEqual([])
    const imports = await database.db.selectFrom('credit_imports').selectAll().execute()
    expect(imports).toEqual([])
  })

  it('records each import and writes it to the audit log in the same transaction', async () => {
    const result = await importCsv(database.db, REGISTER_LINES, { fileName: 'register-2026-03.csv' })
    const row = await database.db.selectFrom('credit_imports').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      id: result.stored!.importId,
      file_name: 'register-2026-03.csv',
      rows_total: 3,
      rows_bad: 0,
      inserted: 3,
      imported_by: 'cli',
    })
    expect(row.file_sha256).toMatch(/^[0-9a-f]{64}$/)
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'credit_import')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ action: 'credit.imported', entity_id: result.stored!.importId })
  })

  it('reads JSON arrays and JSON Lines, reporting bad records by the line they start on', async () => {
    const json = [
      '[',
      `  { "uscc": "${BANNED}", "kind": "biddingBan", "reference": "J1", "end": "2027-01-01" },`,
      '  {',
      '    "uscc": "91350203M0001QAY9B", "kind": "penalty", "reference": "J2"',
      '  },',
      `  { "uscc": "${PENALISED}", "kind": "penalty", "reference": "J3", "colour": "red" }`,
      ']',
    ].join('\n')
    const fromJson = await importCreditFile(database.db, 'register.json', json, {
      strict: false,
      importedBy: 'cli',
      at: new Date('2026-03-01T00:00:00Z'),
    })
    expect(fromJson.bad).toEqual([
      { line: 3, problem: expect.stringContaining('position 18: the check character should be 9') },
      { line: 6, problem: 'unknown column "colour"' },
    ])
    const jsonl = [`{"uscc":"${PENALISED}","kind":"penalty","reference":"L1"}`, '', '{not json}'].join('\n')
    const fromLines = await importCreditFile(database.db, 'register.jsonl', jsonl, {
      strict: false,
      importedBy: 'cli',
      at: new Date('2026-03-01T00:00:00Z'),
    })
    expect(fromLines.bad).toEqual([{ line: 3, problem: 'is not valid JSON' }])
    expect(fromLines.stored).toMatchObject({ inserted: 1 })
  })
})

async function csvRecords(text: string): Promise<RawRecord[]> {
  const records: RawRecord[] = []
  const bytes = (async function* () {
    yield Buffer.from(text)
  })()
  for await (const record of readImportRecords(bytes, 'csv')) records.push(record)
  return records
}

describe('CSV reading', () => {
  it('follows RFC 4180 quoting, CRLF and a BOM, and numbers rows by the line they start on', async () => {
    const text = `\uFEFF${CSV_HEADER}\r\n"${BANNED}",penalty,"R ""1""",,,,,"two\r\nlines",\r\n\r\n${BANNED},penalty,R2,,,,,,\r\n`
    const records = await csvRecords(text)
    expect(records.map((r) => [r.line, r.fields.reference, r.fields.detail])).toEqual([
      [2, 'R "1"', 'two\r\nlines'],
      [5, 'R2', ''],
    ])
  })
})
