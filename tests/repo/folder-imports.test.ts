// At folder level the imports point one way: no two folders import each other. The pairs still known to
// do so are listed here with the change that removes them (issue 13, the pipeline room); the test fails
// on a new pair and on a listed pair that no longer exists, so the list can only shrink.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

/** Still circular until the command pipeline has a room of its own, with its follow-ups passed in. */
const KNOWN_CIRCLES = [
  'src/auth <-> src/http', // http/command-route.ts authenticates
  'src/http <-> src/tenders', // http/command-route.ts runs tenders/tender-command.ts
  'src/records <-> src/tenders', // tender-command.ts enqueues records
  'src/tenders <-> src/timers', // tender-command.ts syncs timers; timers fire tender commands
]

/**
 * The room a file belongs to: src/<capability>, a top folder, or for the files at the top of src/ each
 * file alone (config.ts sits below the capabilities, app.ts and main.ts above them).
 */
function folderOf(file: string): string {
  const parts = file.split(path.sep)
  if (parts[0] !== 'src') return parts[0] as string
  return `src/${parts[1]}`
}

function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const top of ['src', 'state-machines', 'templates', 'migrations']) {
    for (const entry of readdirSync(path.join(root, top), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
      const file = path.relative(root, path.join(entry.parentPath, entry.name))
      const text = readFileSync(path.join(root, file), 'utf8')
      for (const [, specifier] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier!))
        const [from, to] = [folderOf(file), folderOf(target)]
        if (from === to) continue
        graph.set(from, (graph.get(from) ?? new Set()).add(to))
      }
    }
  }
  return graph
}

describe('folder imports', () => {
  it('point one way, but for the circles listed with what removes them', () => {
    const graph = folderImports()
    const circles = [...graph]
      .flatMap(([from, targets]) =>
        [...targets].filter((to) => from < to && graph.get(to)?.has(from)).map((to) => `${from} <-> ${to}`),
      )
      .sort()
    expect(circles).toEqual([...KNOWN_CIRCLES].sort())
  })

  it('keep the pure layers below the application', () => {
    const graph = folderImports()
    for (const pure of ['state-machines', 'templates', 'migrations']) {
      const intoSrc = [...(graph.get(pure) ?? [])].filter((to) => to.startsWith('src'))
      expect({ pure, intoSrc }).toEqual({ pure, intoSrc: [] })
    }
  })
})
