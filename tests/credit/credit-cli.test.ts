// `youxuan credit import` and `youxuan credit check` as an operator runs them: the real bin, its own
// process, an embedded database in a fresh data folder.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BANNED, CSV_HEADER, REGISTER_LINES } from './support.ts'

const run = promisify(execFile)
const BIN = path.resolve('bin', 'youxuan.mjs')

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-credit-cli-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    YOUXUAN_DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: '',
    YOUXUAN_CREDIT_PROVIDERS: '',
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'credit', ...args], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('youxuan credit', () => {
  it('check refuses an invalid code with exit 2, naming the position and the expected character', async () => {
    const bad = await cli('check', '91350203M0001QAY9B')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('position 18: the check character should be 9')
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false) // refused before any database was opened
  }, 60_000)

  it('import reports bad rows by line (exit 1), is idempotent, and check prints the normalised report', async () => {
    const file = path.join(dir, 'register.csv')
    fs.writeFileSync(file, [CSV_HEADER, ...REGISTER_LINES, '91350203M0001QAY9B,penalty,R1,,,,,,'].join('\n'))
    const strict = await cli('import', file, '--strict')
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/nothing imported .*rows=4 good=3 bad=1/)

    const first = await cli('import', file)
    expect(first.code).toBe(1)
    expect(first.stderr).toContain(
      'line 5: uscc "91350203M0001QAY9B": position 18: the check character should be 9',
    )
    expect(first.stdout).toMatch(/rows=4 good=3 bad=1 inserted=3 updated=0 unchanged=0/)
    const again = await cli('import', file)
    expect(again.stdout).toMatch(/inserted=0 updated=0 unchanged=3/)

    const check = await cli('check', BANNED, '--at', '2026-03-23T01:30:00Z')
    expect(check.code).toBe(0)
    const report = JSON.parse(check.stdout)
    expect(report).toMatchObject({
      snapshotId: expect.stringMatching(/^csn_/),
      uscc: BANNED,
      complete: true,
      answers: [
        { source: { id: 'local' }, status: 'ok', lists: [{ list: 'biddingBan', endsOn: '2027-05-31' }] },
      ],
      verdict: { outcome: 'flag', findings: [expect.objectContaining({ list: 'biddingBan' })] },
    })
  }, 180_000)

  it('says how to use it', async () => {
    const usage = await cli('frobnicate')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/usage: youxuan credit import/)
  }, 60_000)
})
