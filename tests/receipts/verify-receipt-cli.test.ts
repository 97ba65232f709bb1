// `youxuan verify-receipt <file> --jwks <file>` as a user runs it: the real bin, its own process,
// no database (the JWKS comes from the file). Exit 0 valid, 1 invalid, 2 usage.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueBidReceipt } from '../../src/receipts/bid-receipt.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { changeOneByte, receiptPayload } from './support.ts'

const run = promisify(execFile)
const BIN = path.resolve('bin', 'youxuan.mjs')

let t: TestApp
let dir: string
beforeAll(async () => {
  t = await startTestApp()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-receipt-'))
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // A data folder that does not exist: the command must not open (or create) any database.
  const env = { ...process.env, YOUXUAN_DATA_DIR: path.join(dir, 'no-data'), DATABASE_URL: '' }
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'verify-receipt', ...args], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('youxuan verify-receipt', () => {
  it('prints the verdict as JSON and exits 0 for a valid receipt; 1 for a tampered one', async () => {
    const receipt = await issueBidReceipt(t.keys, receiptPayload)
    const jwksFile = path.join(dir, 'jwks.json')
    fs.writeFileSync(jwksFile, JSON.stringify(await t.keys.jwks()))
    fs.writeFileSync(path.join(dir, 'good.jws'), `${receipt}\n`)
    fs.writeFileSync(path.join(dir, 'bad.jws'), changeOneByte(receipt, 2))

    const good = await cli(path.join(dir, 'good.jws'), '--jwks', jwksFile)
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, payload: receiptPayload })

    const bad = await cli(path.join(dir, 'bad.jws'), '--jwks', jwksFile)
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, reason: 'signature_invalid' })

    const usage = await cli('--jwks', jwksFile)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/usage: youxuan verify-receipt/)

    expect(fs.existsSync(path.join(dir, 'no-data'))).toBe(false)
  }, 60_000)
})
