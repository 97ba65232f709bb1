// `youxuan credit import <file> [--strict]` and `youxuan credit check <USCC> [--at <ISO>]`.
// Exit codes: import 0 all rows imported, 1 some rows bad, 2 usage or unreadable file; check 0 complete
// report, 3 incomplete (a source gave no answer), 2 usage or an invalid code.
import fs from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../config.ts'
import { createCreditLookups } from '../credit/credit-lookups.ts'
import { DESCRIPTIVE_CREDIT_POLICY } from '../credit/credit-policy.ts'
import { createCreditProviders } from '../credit/credit-providers.ts'
import { ImportFileError, type ImportReport, importCreditFile } from '../credit/import-credit.ts'
import { importProgressBar } from '../credit/import-progress.ts'
import { insertSnapshots } from '../credit/snapshot-repository.ts'
import { takeSnapshot } from '../credit/take-snapshot.ts'
import { usccProblem } from '../credit/uscc-input.ts'
import { systemClock } from '../shared/clock.ts'

export const CREDIT_USAGE = `usage: youxuan credit import <file.csv|file.json|file.jsonl> [--strict]
       youxuan credit check <USCC> [--at <ISO-8601 time>]`

class UsageError extends Error {}

const MAX_BAD_SHOWN = 50

export async function creditCommand(args: string[]): Promise<number> {
  try {
    const [sub, ...rest] = args
    if (sub === 'import') return await importCommand(rest)
    if (sub === 'check') return await checkCommand(rest)
    throw new UsageError(sub ? `unknown credit command "${sub}"` : 'which credit command?')
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ImportFileError)) throw error
    console.error(`${error.message}\n${CREDIT_USAGE}`)
    return 2
  }
}

function printImport(report: ImportReport): void {
  for (const bad of report.bad.slice(0, MAX_BAD_SHOWN)) console.error(`line ${bad.line}: ${bad.problem}`)
  if (report.rowsBad > MAX_BAD_SHOWN) console.error(`… and ${report.rowsBad - MAX_BAD_SHOWN} more bad rows`)
  const counts = `rows=${report.rowsTotal} good=${report.rowsGood} bad=${report.rowsBad}`
  if (!report.stored) {
    const why = report.rowsGood === 0 ? 'no good row' : '--strict and some rows are bad'
    console.log(`nothing imported from ${report.fileName} (${why}): ${counts}`)
    return
  }
  const { importId, inserted, updated, unchanged } = report.stored
  console.log(
    `imported ${report.fileName}: ${counts} inserted=${inserted} updated=${updated} unchanged=${unchanged} (${importId})`,
  )
}

async function importCommand(args: string[]): Promise<number> {
  const strict = args.includes('--strict')
  const files = args.filter((arg) => arg !== '--strict')
  const unknown = files.find((arg) => arg.startsWith('--'))
  if (unknown) throw new UsageError(`unknown option ${unknown}`)
  if (files.length !== 1) throw new UsageError('import one file at a time')
  const file = files[0]!
  const handle = await openFile(file) // before the database: an unreadable file changes nothing
  try {
    return await importOpenFile(handle, path.basename(file), strict)
  } finally {
    await handle.close()
  }
}

/** Streams the file into the register, with a progress bar on a terminal. */
async function importOpenFile(
  handle: fs.promises.FileHandle,
  fileName: string,
  strict: boolean,
): Promise<number> {
  const { openRuntime } = await import('../runtime.ts')
  const runtime = await openRuntime(loadConfig(), systemClock)
  const bar = importProgressBar(process.stderr, (await handle.stat()).size)
  try {
    const content = handle.createReadStream({ autoClose: false })
    const report = await importCreditFile(runtime.database.db, fileName, content, {
      strict,
      importedBy: 'cli',
      at: systemClock.now(),
      onProgress: bar.update,
    })
    bar.stop() // before the report, on a line of its own
    printImport(report)
    return report.rowsBad === 0 ? 0 : 1
  } finally {
    bar.stop()
    await runtime.close()
  }
}

async function openFile(file: string): Promise<fs.promises.FileHandle> {
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(file, 'r')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close()
    throw new UsageError(`cannot read ${file}: not a file`)
  }
  return handle
}

function checkArgs(args: string[]): { uscc: string; at: Date } {
  let uscc: string | null = null
  let at: Date | null = null
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--at') {
      const value = args[++i] ?? ''
      at = new Date(value)
      if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
        throw new UsageError(`--at needs an ISO-8601 time, got "${value}"`)
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
    else if (uscc === null) uscc = arg
    else throw new UsageError('check one code at a time')
  }
  if (uscc === null) throw new UsageError('which USCC?')
  const problem = usccProblem(uscc)
  if (problem) throw new UsageError(problem.message)
  return { uscc, at: at ?? systemClock.now() }
}

async function checkCommand(args: string[]): Promise<number> {
  const { uscc, at } = checkArgs(args)
  const config = loadConfig()
  const { openRuntime } = await import('../runtime.ts')
  const runtime = await openRuntime(config, systemClock)
  try {
    const db = runtime.database.db
    const providers = createCreditProviders(config.credit, db, systemClock)
    const request = {
      purpose: 'manual_query' as const,
      tenderId: null,
      bidId: null,
      requestedBy: null,
      requesterOrgId: null,
      requestId: 'cli',
    }
    const deps = { db, clock: systemClock, credit: createCreditLookups(db, providers) }
    const snapshot = await takeSnapshot(deps, uscc, request, DESCRIPTIVE_CREDIT_POLICY, at.toISOString())
    await insertSnapshots(db, [snapshot])
    console.log(
      JSON.stringify({ snapshotId: snapshot.id, ...snapshot.report, verdict: snapshot.verdict }, null, 2),
    )
    return snapshot.report.complete ? 0 : 3
  } finally {
    await runtime.close()
  }
}
