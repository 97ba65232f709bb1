// `youxuan verify <file.pdf> [--jws <file>] [--jwks <file|url>]`: checks a record offline and prints the
// verdict (a line, then JSON); exit 0 only when valid. The JWS defaults to the PDF's name with .jws, the
// JWKS to this installation's keys; with --jwks nothing of this installation is opened.
import fs from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../config.ts'
import { type PublishedJwk, type RecordVerdict, verifyRecord } from '../records/verify-record.ts'
import { systemClock } from '../shared/clock.ts'

export const VERIFY_USAGE = 'usage: youxuan verify <file.pdf> [--jws <file>] [--jwks <file|url>]'

class UsageError extends Error {}

interface Args {
  readonly pdfFile: string
  readonly jwsFile: string
  readonly jwksSource: string | null
}

interface Keys {
  readonly jwks: { keys: PublishedJwk[] }
  readonly revokedKids: ReadonlySet<string>
}

export async function verifyCommand(args: string[]): Promise<number> {
  try {
    const { pdfFile, jwsFile, jwksSource } = parseArgs(args)
    const pdf = readFile(pdfFile, 'PDF')
    const jws = readFile(jwsFile, 'JWS').toString('utf8')
    const keys =
      jwksSource === null
        ? await installationKeys()
        : { jwks: await readJwks(jwksSource), revokedKids: new Set<string>() }
    const verdict = verifyRecord(pdf, jws, keys.jwks, { revokedKids: keys.revokedKids })
    console.log(headline(verdict, pdfFile))
    console.log(JSON.stringify(verdict, null, 2))
    return verdict.valid ? 0 : 1
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n${VERIFY_USAGE}`)
    return 2
  }
}

function headline(verdict: RecordVerdict, pdfFile: string): string {
  if (verdict.valid) return `VALID ${pdfFile}: ${verdict.detail}`
  return `${verdict.verdict.toUpperCase()} ${pdfFile}: ${verdict.detail}`
}

export function parseArgs(args: readonly string[]): Args {
  let pdfFile: string | null = null
  let jwsFile: string | null = null
  let jwksSource: string | null = null
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--jws' || arg === '--jwks') {
      const value = args[++i]
      if (value === undefined) throw new UsageError(`${arg} needs a value`)
      if (arg === '--jws') jwsFile = value
      else jwksSource = value
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`)
    } else if (pdfFile === null) {
      pdfFile = arg
    } else {
      throw new UsageError(`one PDF at a time (got ${pdfFile} and ${arg})`)
    }
  }
  if (pdfFile === null) throw new UsageError('which PDF?')
  return { pdfFile, jwsFile: jwsFile ?? defaultJwsFile(pdfFile), jwksSource }
}

/** rec_….pdf → rec_….jws beside it. */
const defaultJwsFile = (pdfFile: string) => `${pdfFile.replace(/\.pdf$/i, '')}.jws`

function readFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${file}: ${(error as Error).message}`)
  }
}

async function readJwks(source: string): Promise<{ keys: PublishedJwk[] }> {
  const text = /^https?:\/\//.test(source)
    ? await fetchText(source)
    : readFile(source, 'JWKS').toString('utf8')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new UsageError(`${source} is not JSON`)
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys
  if (!Array.isArray(keys)) throw new UsageError(`${source} is not a JWKS (no "keys" array)`)
  return { keys: keys.filter((key): key is PublishedJwk => typeof key === 'object' && key !== null) }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch((error: Error) => {
    throw new UsageError(`cannot fetch ${url}: ${error.message}`)
  })
  if (!response.ok) throw new UsageError(`cannot fetch ${url}: HTTP ${response.status}`)
  return response.text()
}

/** This installation's keys and revocations, from its database. */
async function installationKeys(): Promise<Keys> {
  const { openRuntime } = await import('../runtime.ts')
  const { revokedKids } = await import('../records/record-repository.ts')
  const config = loadConfig()
  // Never make a new installation (and keys no record was signed with) just to verify against it.
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite')))
    throw new UsageError(
      `no Youxuan installation in ${config.dataDir} (YOUXUAN_DATA_DIR); give --jwks <file|url>`,
    )
  const runtime = await openRuntime(config, systemClock)
  try {
    return {
      jwks: (await runtime.keys.jwks()) as { keys: PublishedJwk[] },
      revokedKids: await revokedKids(runtime.database.db),
    }
  } finally {
    await runtime.close()
  }
}
