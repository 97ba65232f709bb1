// At folder level the imports point one way: no two folders import each other, nor does any longer loop
// of folders lead back to where it started. The last circles went with the pipeline's own room
// (src/pipeline/, its follow-ups passed in by the app), so any circle now fails.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

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

/** The folders on some loop of imports, each loop as the sorted list of its folders (Tarjan's SCCs). */
function importLoops(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const loops: string[][] = []
  const visit = (folder: string) => {
    index.set(folder, index.size)
    low.set(folder, index.get(folder)!)
    stack.push(folder)
    for (const to of graph.get(folder) ?? []) {
      if (!index.has(to)) visit(to)
      if (stack.includes(to)) low.set(folder, Math.min(low.get(folder)!, low.get(to)!))
    }
    if (low.get(folder) !== index.get(folder)) return
    const loop = stack.splice(stack.indexOf(folder))
    if (loop.length > 1) loops.push(loop.sort())
  }
  for (const folder of graph.keys()) if (!index.has(folder)) visit(folder)
  return loops
}

describe('folder imports', () => {
  it('point one way: no two folders import each other', () => {
    const graph = folderImports()
    const circles = [...graph]
      .flatMap(([from, targets]) =>
        [...targets].filter((to) => from < to && graph.get(to)?.has(from)).map((to) => `${from} <-> ${to}`),
      )
      .sort()
    expect(circles).toEqual([])
  })

  it('form no longer loop either (a → b → c → a)', () => {
    expect(importLoops(folderImports())).toEqual([])
  })

  it('keep the pure layers below the application', () => {
    const graph = folderImports()
    for (const pure of ['state-machines', 'templates', 'migrations']) {
      const intoSrc = [...(graph.get(pure) ?? [])].filter((to) => to.startsWith('src'))
      expect({ pure, intoSrc }).toEqual({ pure, intoSrc: [] })
    }
  })
})
