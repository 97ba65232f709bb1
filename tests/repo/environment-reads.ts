// Which environment variables a piece of source reads, by the patterns the code uses: `process.env.X`,
// `process.env['X']`, `const { X } = process.env`, the same through a parameter named `env`, and helpers
// declared `(env: NodeJS.ProcessEnv, name: string, …)` that read `env[name]`, called as `helper(env, 'X')`.
// A dynamic read it cannot resolve is reported, so a new pattern fails the test instead of hiding a name.
import fs from 'node:fs'
import path from 'node:path'

export interface EnvironmentReads {
  readonly names: ReadonlySet<string>
  /** Dynamic reads (`env[key]`) outside a recognised helper, as "file:line". */
  readonly unresolved: readonly string[]
}

const NAME = '[A-Z_][A-Z0-9_]*'
const ENV = String.raw`\b(?:process\.)?env`
const DOT_READ = new RegExp(String.raw`${ENV}\??\.(${NAME})\b`, 'g')
const LITERAL_READ = new RegExp(String.raw`${ENV}\??\.?\[\s*(['"\x60])(${NAME})\1\s*\]`, 'g')
const DYNAMIC_READ = new RegExp(String.raw`${ENV}\??\.?\[\s*([A-Za-z_$][\w$]*)\s*\]`, 'g')
const DESTRUCTURED = new RegExp(String.raw`\{([^{}]*)\}\s*=\s*${ENV}\b`, 'g')
const HELPER =
  /function\s+([A-Za-z_$][\w$]*)\s*\(\s*env\s*:\s*NodeJS\.ProcessEnv\s*,\s*([A-Za-z_$][\w$]*)\s*:/g

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length

/** The reads in one file's text; `helpers` are the env helpers declared anywhere in the code. */
function readsIn(
  file: string,
  text: string,
  helpers: ReadonlyMap<string, string>,
): { names: string[]; unresolved: string[] } {
  const names: string[] = []
  for (const match of text.matchAll(DOT_READ)) names.push(match[1]!)
  for (const match of text.matchAll(LITERAL_READ)) names.push(match[2]!)
  for (const match of text.matchAll(DESTRUCTURED)) {
    for (const part of match[1]!.split(',')) {
      const key = /^\s*(?:\.\.\.)?\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1]
      if (key && new RegExp(`^${NAME}$`).test(key)) names.push(key)
    }
  }
  for (const [helper] of helpers) {
    const call = new RegExp(String.raw`\b${helper}\(\s*env\s*,\s*(['"\x60])(${NAME})\1`, 'g')
    for (const match of text.matchAll(call)) names.push(match[2]!)
  }
  const parameters = new Set(helpers.values())
  const unresolved = [...text.matchAll(DYNAMIC_READ)]
    .filter((match) => !parameters.has(match[1]!))
    .map((match) => `${file}:${lineOf(text, match.index)}`)
  return { names, unresolved }
}

/** Helper name → the parameter that names the variable, over all the files. */
function helpersIn(texts: readonly string[]): Map<string, string> {
  const helpers = new Map<string, string>()
  for (const text of texts) for (const match of text.matchAll(HELPER)) helpers.set(match[1]!, match[2]!)
  return helpers
}

/** The variables read by these sources (file name → text). */
export function environmentReadsOf(sources: ReadonlyMap<string, string>): EnvironmentReads {
  const helpers = helpersIn([...sources.values()])
  const names = new Set<string>()
  const unresolved: string[] = []
  for (const [file, text] of sources) {
    const found = readsIn(file, text, helpers)
    for (const name of found.names) names.add(name)
    unresolved.push(...found.unresolved)
  }
  return { names, unresolved }
}

/** Every .ts, .mts, .js and .mjs file under these folders, as file name → text. */
export function sourcesUnder(...folders: string[]): Map<string, string> {
  const sources = new Map<string, string>()
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.(?:m?ts|m?js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        sources.set(file, fs.readFileSync(file, 'utf8'))
    }
  }
  for (const folder of folders) walk(folder)
  return sources
}
