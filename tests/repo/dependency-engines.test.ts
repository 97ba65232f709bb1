// Every package in the lock file runs on every Node version that package.json declares, so that a
// fresh `npm ci` on any of them prints no EBADENGINE warning (and `.ci/run`, which refuses one, passes).
import fs from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

interface LockedPackage {
  readonly version?: string
  readonly engines?: Readonly<Record<string, unknown>> | readonly string[]
}

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))
const manifest = readJson('package.json') as { engines: { node: string } }
const lock = readJson('package-lock.json') as {
  packages: Record<string, LockedPackage & { engines?: unknown }>
}
const declared = manifest.engines.node

/** The Node range a locked package asks for, if it states one as a range (an old array form says nothing). */
function nodeRangeOf(locked: LockedPackage): string | null {
  const engines = locked.engines
  if (!engines || Array.isArray(engines)) return null
  const node = (engines as Record<string, unknown>).node
  return typeof node === 'string' ? node : null
}

describe('dependency engines', () => {
  it('declares a valid Node range, recorded the same in the lock file, that this Node satisfies', () => {
    expect(semver.validRange(declared)).not.toBeNull()
    expect(nodeRangeOf(lock.packages[''] ?? {})).toBe(declared)
    expect(semver.satisfies(process.versions.node, declared)).toBe(true)
  })

  it('has no locked package whose engines.node leaves out a Node version that package.json declares', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, locked]) => {
        const range = nodeRangeOf(locked)
        if (range === null || semver.subset(declared, range)) return []
        return [`${path.replace(/^.*node_modules\//, '')}@${locked.version} wants node ${range}`]
      })
    expect(refusing).toEqual([])
  })
})
