// The repository's TypeScript sources, for tests that hold the code to a structural rule (who may write
// the hash chain, which folders may import which).
import fs from 'node:fs'
import path from 'node:path'

export const REPOSITORY = path.resolve(import.meta.dirname, '..', '..')

export interface SourceFile {
  /** The path from the repository root, with forward slashes. */
  readonly path: string
  readonly text: string
}

function filesUnder(folder: string): SourceFile[] {
  return fs
    .readdirSync(path.join(REPOSITORY, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => {
      const file = path.join(folder, name).split(path.sep).join('/')
      return { path: file, text: fs.readFileSync(path.join(REPOSITORY, file), 'utf8') }
    })
}

/** Every .ts file under the given folders (repository-relative), in a stable order. */
export function sourceFiles(...folders: readonly string[]): SourceFile[] {
  return folders.flatMap(filesUnder)
}

/** The relative module specifiers a file imports or re-exports (static and dynamic). */
export function relativeImports(file: SourceFile): string[] {
  const specifiers = file.text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)
  return [...specifiers].map((match) => match[1] as string)
}

/** Where a relative import of `file` points, repository-relative with forward slashes. */
export function resolvedImport(file: SourceFile, specifier: string): string {
  const target = path.join(path.dirname(path.join(REPOSITORY, file.path)), specifier)
  return path.relative(REPOSITORY, target).split(path.sep).join('/')
}
