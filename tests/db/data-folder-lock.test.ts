// PGlite does not keep a second process out of its data folder; our lock file does.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataFolderLocked, lockDataFolder } from '../../src/db/data-folder-lock.ts'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'youxuan-lock-'))

describe('the data-folder lock', () => {
  it('refuses a second holder while the first is alive, naming the process', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'youxuan.lock'), String(process.ppid))
    expect(() => lockDataFolder(dir)).toThrow(DataFolderLocked)
    expect(() => lockDataFolder(dir)).toThrow(new RegExp(`process ${process.ppid}`))
  })

  it('takes over a stale lock left by a process that died, and releases it', () => {
    const dir = tempDir()
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString()
    fs.writeFileSync(path.join(dir, 'youxuan.lock'), dead)
    const release = lockDataFolder(dir)
    expect(fs.readFileSync(path.join(dir, 'youxuan.lock'), 'utf8')).toBe(String(process.pid))
    release()
    expect(fs.existsSync(path.join(dir, 'youxuan.lock'))).toBe(false)
  })
})
