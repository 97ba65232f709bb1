// The README and docs/ are read from a clone: they never point outside the repository (no `../shared`,
// no link that leaves it), and every file or folder of the repository they name still exists, so the
// docs fail here when the code moves without them.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve('.')

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return []
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name)
    return entry.isDirectory() ? filesUnder(file) : [file]
  })
}

const documents = ['README.md', ...filesUnder('docs')].map((file) => ({
  file,
  text: fs.readFileSync(file, 'utf8'),
}))

const insideRepository = (target: string) => {
  const relative = path.relative(ROOT, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** Repository paths in backticks: `src/…`, `state-machines/…` …, without placeholders such as <type>. */
const NAMED_PATH =
  /`((?:src|state-machines|migrations|templates|tests|bin|bench|openapi|docs|\.ci)\/[^`\s<>*{}…]*)`/g

describe('the README and docs/', () => {
  it('include docs/architecture.md', () => {
    expect(documents.map((doc) => doc.file)).toContain(path.join('docs', 'architecture.md'))
  })

  it('never mention ../shared', () => {
    const mentions = documents.filter((doc) => doc.text.includes('../shared')).map((doc) => doc.file)
    expect(mentions).toEqual([])
  })

  it('link only to files inside the repository that exist', () => {
    const broken = documents.flatMap(({ file, text }) =>
      [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1]!)
        .filter((target) => !/^(?:[a-z]+:|#)/i.test(target))
        .filter((target) => {
          const resolved = path.resolve(path.dirname(file), target.replace(/#.*$/, ''))
          return !insideRepository(resolved) || !fs.existsSync(resolved)
        })
        .map((target) => `${file}: ${target}`),
    )
    expect(broken).toEqual([])
  })

  it('name only repository paths that exist', () => {
    const missing = documents.flatMap(({ file, text }) =>
      [...text.matchAll(NAMED_PATH)]
        .map((match) => match[1]!)
        .filter((named) => !fs.existsSync(path.resolve(ROOT, named)))
        .map((named) => `${file}: ${named}`),
    )
    expect(missing).toEqual([])
  })
})
