// `npm run bench:credit-import`: writes a 100,000-row credit CSV (0.5 % bad rows) to a temporary file and
// streams it into embedded PGlite on a fresh data folder, then again (idempotent: nothing changes).
// Prints `rows=… bad=… import_ms=… rows_per_s=… cpu_ms=… rss_mb=…` (goal: under 30 s) and a line for the
// re-import.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importCreditFile } from '../src/credit/import-credit.ts'
import { completeUscc } from '../src/credit/uscc.ts'
import { openPglite } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'

const ROWS = Number(process.env.ROWS ?? 100_000)
const KINDS = [
  'biddingBan',
  'penalty',
  'judgmentDefaulter',
  'seriousDishonesty',
  'rating',
  'majorTaxViolation',
]

function row(i: number): string {
  const body = String(i).padStart(8, '0')
  const uscc = completeUscc(`91440605${body}`)
  const kind = KINDS[i % KINDS.length]!
  const year = 2020 + (i % 6)
  const start = `${year}-0${1 + (i % 9)}-1${i % 9}`
  const end = kind === 'biddingBan' || kind === 'judgmentDefaulter' ? `${year + 2}-12-31` : ''
  const grade = kind === 'rating' ? ['AAA', 'AA', 'A', 'B'][i % 4] : ''
  // Every 200th row is bad: a corrupted check character or an impossible date.
  const bad = i % 200 === 7
  const code = bad && i % 400 === 7 ? `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}` : uscc
  const startsOn = bad && i % 400 !== 7 ? `${year}-02-30` : start
  const detail = `"测试记录 ${i}, 含逗号"`
  return [
    code,
    kind,
    `佛建罚〔${year}〕${i}号`,
    `测试企业${i}有限公司`,
    '佛山市住房和城乡建设局',
    startsOn,
    end,
    detail,
    grade,
  ].join(',')
}

/** The import's own CPU time (user and system, this process: PGlite runs in it too). */
const cpuOf = ({ user, system }: NodeJS.CpuUsage) =>
  `cpu_ms=${Math.round((user + system) / 1000)} (user=${Math.round(user / 1000)} sys=${Math.round(system / 1000)})`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-bench-credit-'))
try {
  const file = path.join(dir, 'bench.csv')
  const out = fs.openSync(file, 'w')
  fs.writeSync(out, 'uscc,kind,reference,name,authority,start,end,detail,grade\n')
  for (let start = 0; start < ROWS; start += 10_000) {
    const rows: string[] = []
    for (let i = start; i < Math.min(start + 10_000, ROWS); i++) rows.push(`${row(i)}\n`)
    fs.writeSync(out, rows.join(''))
  }
  fs.closeSync(out)
  const database = await openPglite(path.join(dir, 'pglite'))
  try {
    await migrateToLatest(database.db)
    const options = { strict: false, importedBy: 'cli', at: new Date() }
    const started = performance.now()
    const cpu = process.cpuUsage()
    const report = await importCreditFile(database.db, 'bench.csv', fs.createReadStream(file), options)
    const ms = performance.now() - started
    const stored = report.stored
    console.log(
      `rows=${report.rowsTotal} bad=${report.rowsBad} import_ms=${ms.toFixed(0)} rows_per_s=${Math.round(report.rowsTotal / (ms / 1000))} ${cpuOf(process.cpuUsage(cpu))} rss_mb=${Math.round(process.memoryUsage().rss / 2 ** 20)}`,
    )
    if (stored?.inserted !== report.rowsGood)
      throw new Error(`inserted ${stored?.inserted}, expected ${report.rowsGood}`)
    const again = performance.now()
    const second = await importCreditFile(database.db, 'bench.csv', fs.createReadStream(file), options)
    console.log(
      `reimport_ms=${(performance.now() - again).toFixed(0)} inserted=${second.stored?.inserted} updated=${second.stored?.updated} unchanged=${second.stored?.unchanged}`,
    )
  } finally {
    await database.close()
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
