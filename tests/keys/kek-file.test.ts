// Where the KEK comes from: YOUXUAN_KEK, else a key file the embedded default creates (0600) and reuses;
// production without YOUXUAN_KEK is refused.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { describeKekSource, loadKek } from '../../src/keys/kek.ts'
import { openRuntime } from '../../src/runtime.ts'
import { systemClock } from '../../src/shared/clock.ts'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-kek-'))
  dirs.push(dir)
  return path.join(dir, 'data')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('loading the KEK', () => {
  it('creates <dataDir>/kek.key with mode 0600 on first start, and reuses it after', async () => {
    const dataDir = tempDir()
    const first = await loadKek({ kekBase64: null, dataDir, production: false })
    const file = path.join(dataDir, 'kek.key')
    expect(first).toMatchObject({ source: 'file-created', path: file })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32)
    expect(describeKekSource(first)).toEqual({
      level: 'warn',
      message: `created a key-encryption key at ${file} (0600); back it up`,
    })

    const second = await loadKek({ kekBase64: null, dataDir, production: false })
    expect(second).toMatchObject({ source: 'file', path: file })
    expect(second.kek.fingerprint).toBe(first.kek.fingerprint)
    expect(second.kek.unwrap(first.kek.wrap(new Uint8Array([1, 2, 3]), 'a'), 'a')).toEqual(
      new Uint8Array([1, 2, 3]),
    )
  })

  it('leaves no stray files beside the key file', async () => {
    const dataDir = tempDir()
    await Promise.all([1, 2, 3].map(() => loadKek({ kekBase64: null, dataDir, production: false })))
    expect(fs.readdirSync(dataDir)).toEqual(['kek.key'])
  })

  it('refuses a key file of the wrong length', async () => {
    const dataDir = tempDir()
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(path.join(dataDir, 'kek.key'), randomBytes(16).toString('base64'), { mode: 0o600 })
    await expect(loadKek({ kekBase64: null, dataDir, production: false })).rejects.toThrow(
      /kek\.key holds no valid KEK: the KEK must be 32 bytes/,
    )
  })

  it('takes YOUXUAN_KEK when given and writes no file', async () => {
    const dataDir = tempDir()
    const loaded = await loadKek({ kekBase64: randomBytes(32).toString('base64'), dataDir, production: true })
    expect(loaded).toMatchObject({ source: 'env', path: null })
    expect(fs.existsSync(dataDir)).toBe(false)
    expect(describeKekSource(loaded).message).toMatch(/^key-encryption key from YOUXUAN_KEK/)
  })

  it('refuses a YOUXUAN_KEK of the wrong length', async () => {
    const kekBase64 = randomBytes(31).toString('base64')
    await expect(loadKek({ kekBase64, dataDir: tempDir(), production: false })).rejects.toThrow(/32 bytes/)
  })

  it('refuses to start in production without YOUXUAN_KEK, and creates nothing', async () => {
    const dataDir = tempDir()
    await expect(loadKek({ kekBase64: null, dataDir, production: true })).rejects.toThrow(
      /YOUXUAN_KEK is required in production/,
    )
    expect(fs.existsSync(dataDir)).toBe(false)
  })

  it('stops the server start (openRuntime) in production without YOUXUAN_KEK, before any database', async () => {
    const dataDir = tempDir()
    const config = loadConfig({ NODE_ENV: 'production', YOUXUAN_DATA_DIR: dataDir })
    await expect(openRuntime(config, systemClock)).rejects.toThrow(/YOUXUAN_KEK is required in production/)
    expect(fs.existsSync(dataDir)).toBe(false)
  })
})
