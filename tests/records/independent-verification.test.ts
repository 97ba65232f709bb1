// A third party checks a record without Youxuan: with Node's own crypto (no jose, no code of ours), and
// with the README's shell recipe (sha256sum, jq, OpenSSL). And `youxuan verify` as a user runs it: the
// real bin, its own process; exit 0 valid, 1 invalid, 2 usage.
import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { cancelledTender, changeByte, changeChar, recordDeps } from './support.ts'

const run = promisify(execFile)
const BIN = path.resolve('bin', 'youxuan.mjs')

let t: TestApp
let dir: string
let recordId: string
let pdf: Buffer
let jws: string
let jwks: { keys: (crypto.JsonWebKey & { kid: string })[] }
beforeAll(async () => {
  t = await startTestApp()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-record-'))
  await cancelledTender(t)
  const [issued] = await drainRecordOutbox(recordDeps(t))
  recordId = issued!.job.recordId
  pdf = (await t.http.get(`/api/v1/records/${recordId}/pdf`).buffer(true)).body as Buffer
  jws = (await t.http.get(`/api/v1/records/${recordId}/jws`)).text
  jwks = (await t.http.get('/.well-known/jwks.json')).body
  fs.writeFileSync(path.join(dir, `${recordId}.pdf`), pdf)
  fs.writeFileSync(path.join(dir, `${recordId}.jws`), jws)
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwks))
}, 60_000)
afterAll(async () => {
  await t?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Only node:crypto and the published JWKS: what any verifier's own tooling would do. */
function checkWithNodeCrypto(pdfBytes: Buffer, compact: string): { signature: boolean; hash: boolean } {
  const [header, payload, signature] = compact.split('.') as [string, string, string]
  const { alg, kid, typ } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
  expect({ alg, typ }).toEqual({ alg: 'EdDSA', typ: 'youxuan-record+jws' })
  const jwk = jwks.keys.find((key) => key.kid === kid)
  if (!jwk) return { signature: false, hash: false }
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' })
  const good = crypto.verify(
    null,
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, 'base64url'),
  )
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  const hash = crypto.createHash('sha256').update(pdfBytes).digest('hex') === claims.pdfSha256
  return { signature: good, hash }
}

describe('independent verification', () => {
  it('with node:crypto alone: the signature holds and the PDF hashes to pdfSha256', () => {
    expect(checkWithNodeCrypto(pdf, jws)).toEqual({ signature: true, hash: true })
    const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8'))
    expect(payload).toMatchObject({ recordId, type: 'replay_certificate' })
    expect(checkWithNodeCrypto(changeByte(pdf, 200), jws)).toEqual({ signature: true, hash: false })
    const middle = jws.lastIndexOf('.') + 30
    expect(checkWithNodeCrypto(pdf, changeChar(jws, middle)).signature).toBe(false)
  })

  const hasTools = ['openssl', 'jq', 'xxd', 'sha256sum'].every((tool) =>
    (process.env.PATH ?? '').split(':').some((p) => fs.existsSync(path.join(p, tool))),
  )
  it.runIf(hasTools)(
    "with the README's shell recipe (sha256sum, jq, OpenSSL)",
    async () => {
      const readme = fs.readFileSync('README.md', 'utf8')
      const section = readme.slice(readme.indexOf('### Signed records, and checking one yourself'))
      const recipe = /```sh\n([\s\S]*?)```/.exec(section)![1]!.replace(/^R=\S+/m, `R=${recordId}`)
      const shell = (script: string) => run('bash', ['-e', '-c', script], { cwd: dir })
      const { stdout } = await shell(recipe)
      expect(stdout).toMatch('hash OK')
      expect(stdout).toMatch(/key \S+ known, not revoked/)
      expect(stdout).toMatch('Signature Verified Successfully')
      // The same recipe fails for a changed PDF and for a changed signature.
      fs.writeFileSync(path.join(dir, 'bad.pdf'), changeByte(pdf, 300))
      fs.writeFileSync(path.join(dir, 'bad.jws'), changeChar(jws, jws.lastIndexOf('.') + 30))
      const onPdf = recipe.replace(/^R=\S+/m, 'R=bad').replace(/"\$R\.jws"/g, `"${recordId}.jws"`)
      const changedPdf = (await shell(onPdf)).stdout
      expect(changedPdf).not.toMatch('hash OK')
      expect(changedPdf).toMatch('Signature Verified Successfully')
      fs.writeFileSync(path.join(dir, 'bad.pdf'), pdf)
      await expect(shell(recipe.replace(/^R=\S+/m, 'R=bad'))).rejects.toMatchObject({
        stdout: expect.stringMatching('Signature Verification Failure'),
      })
    },
    60_000,
  )
})

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // A data folder that does not exist: with --jwks the command must not open (or create) any database.
  const env = { ...process.env, YOUXUAN_DATA_DIR: path.join(dir, 'no-data'), DATABASE_URL: '' }
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'verify', ...args], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const verdictOf = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('{')))

describe('youxuan verify', () => {
  it('exits 0 for a valid record (the .jws beside the PDF by default), 1 for each failure, 2 for usage', async () => {
    const jwksFile = path.join(dir, 'jwks.json')
    const pdfFile = path.join(dir, `${recordId}.pdf`)
    const good = await cli(pdfFile, '--jwks', jwksFile)
    expect(good.code, good.stderr).toBe(0)
    expect(good.stdout).toMatch(/^VALID /)
    expect(verdictOf(good.stdout)).toMatchObject({ valid: true, verdict: 'valid', payload: { recordId } })

    fs.writeFileSync(path.join(dir, 'flipped.pdf'), changeByte(pdf, 1000))
    const flipped = await cli(
      path.join(dir, 'flipped.pdf'),
      '--jws',
      path.join(dir, `${recordId}.jws`),
      '--jwks',
      jwksFile,
    )
    expect(flipped.code).toBe(1)
    expect(verdictOf(flipped.stdout)).toMatchObject({ valid: false, verdict: 'hash_mismatch' })

    fs.writeFileSync(path.join(dir, 'tampered.jws'), changeChar(jws, jws.lastIndexOf('.') + 10))
    const tampered = await cli(pdfFile, '--jws', path.join(dir, 'tampered.jws'), '--jwks', jwksFile)
    expect(tampered.code).toBe(1)
    expect(verdictOf(tampered.stdout)).toMatchObject({ verdict: 'signature_invalid' })

    fs.writeFileSync(path.join(dir, 'empty-jwks.json'), JSON.stringify({ keys: [] }))
    const unknown = await cli(pdfFile, '--jwks', path.join(dir, 'empty-jwks.json'))
    expect(unknown.code).toBe(1)
    expect(verdictOf(unknown.stdout)).toMatchObject({ verdict: 'unknown_key' })

    const revokedJwks = { keys: jwks.keys.map((key) => ({ ...key, revoked_at: '2026-03-03T00:00:00.000Z' })) }
    fs.writeFileSync(path.join(dir, 'revoked-jwks.json'), JSON.stringify(revokedJwks))
    const revoked = await cli(pdfFile, '--jwks', path.join(dir, 'revoked-jwks.json'))
    expect(revoked.code).toBe(1)
    expect(verdictOf(revoked.stdout)).toMatchObject({ verdict: 'revoked' })

    for (const args of [
      [],
      ['--jwks'],
      [pdfFile, '--bogus'],
      [pdfFile, pdfFile],
      [path.join(dir, 'missing.pdf'), '--jwks', jwksFile],
    ]) {
      const usage = await cli(...args)
      expect(usage.code, args.join(' ')).toBe(2)
      expect(usage.stderr).toMatch(/usage: youxuan verify/)
    }
    // Without --jwks and with no installation here, it says so rather than make a new one.
    const nowhere = await cli(pdfFile)
    expect(nowhere.code).toBe(2)
    expect(nowhere.stderr).toMatch(/no Youxuan installation/)
    expect(fs.existsSync(path.join(dir, 'no-data'))).toBe(false)
  }, 120_000)
})
