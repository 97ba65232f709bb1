// The environment is read in one place, src/config.ts: every other module is handed its configuration,
// so a test or a tool builds it without touching process.env.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

describe('process.env', () => {
  it('is read only in src/config.ts', () => {
    const readers = ['src', 'state-machines', 'templates']
      .flatMap(sourceFiles)
      .filter((file) => file !== path.join('src', 'config.ts'))
      .filter((file) => /\bprocess\.env\b/.test(readFileSync(path.join(root, file), 'utf8')))
    expect(readers).toEqual([])
  })
})
