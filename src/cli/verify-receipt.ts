// `youxuan verify-receipt <file> [--jwks <file|url>]`: prints the verdict as JSON; exit 0 only when valid.
// With --jwks nothing of this installation is opened, so anyone can check a receipt anywhere.
import fs from 'node:fs'
import type { JWK } from 'jose'
import { loadConfig } from '../config.ts'
import { verifyBidReceipt } from '../receipts/verify-receipt.ts'
import { systemClock } from '../shared/clock.ts'

export const VERIFY_RECEIPT_USAGE = 'usage: youxuan verify-receipt <receipt-file> [--jwks <file|url>]'

class UsageError extends Error {}

export async function verifyReceiptCommand(args: string[]): Promise<number> {
  try {
    const { receiptFile, jwksSource } = parseArgs(args)
    const receipt = readText(receiptFile, 'receipt')
    const jwks = jwksSource === null ? await installationJwks() : await readJwks(jwksSource)
    const verdict = await verifyBidReceipt(receipt, jwks)
    console.log(JSON.stringify(verdict, null, 2))
    return verdict.valid ? 0 : 1
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n${VERIFY_RECEIPT_USAGE}`)
    return 2
  }
}

function parseArgs(args: string[]): { receiptFile: string; jwksSource: string | null } {
  let receiptFile: string | null = null
  let jwksSource: string | null = null
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--jwks') {
      jwksSource = args[++i] ?? null
      if (jwksSource === null) throw new UsageError('--jwks needs a file or URL')
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`)
    } else if (receiptFile === null) {
      receiptFile = arg
    } else {
      throw new UsageError(`one receipt file at a time (got ${receiptFile} and ${arg})`)
    }
  }
  if (receiptFile === null) throw new UsageError('which receipt file?')
  return { receiptFile, jwksSource }
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${file}: ${(error as Error).message}`)
  }
}

async function readJwks(source: string): Promise<{ keys: JWK[] }> {
  const text = /^https?:\/\//.test(source) ? await fetchText(source) : readText(source, 'JWKS')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new UsageError(`${source} is not JSON`)
  }
  const keys = (parsed as { keys?: unknown }).keys
  if (!Array.isArray(keys)) throw new UsageError(`${source} is not a JWKS (no "keys" array)`)
  return { keys: keys as JWK[] }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch((error: Error) => {
    throw new UsageError(`cannot fetch ${url}: ${error.message}`)
  })
  if (!response.ok) throw new UsageError(`cannot fetch ${url}: HTTP ${response.status}`)
  return response.text()
}

/** This installation's keys, from its database. */
async function installationJwks(): Promise<{ keys: JWK[] }> {
  const { openRuntime } = await import('../runtime.ts')
  const runtime = await openRuntime(loadConfig(), systemClock)
  try {
    return await runtime.keys.jwks()
  } finally {
    await runtime.close()
  }
}
