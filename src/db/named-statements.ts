// Named prepared statements for the hottest queries: a statement whose text starts with
// /*named:<name>*/ is parsed and planned once per connection, then only bound and executed. Its text
// must be fixed for its name (built once, parameters as $n). Other queries run as before.
import { CompiledQuery, type Kysely, type QueryResult } from 'kysely'
import type pg from 'pg'

const MARKER = /^\/\*named:([a-z0-9_]+)\*\//

/** The statement's name if its text asks to be prepared, else null. */
export function statementName(text: string): string | null {
  return MARKER.exec(text)?.[1] ?? null
}

type QueryFunction = (...args: unknown[]) => unknown
const patched = new WeakSet<object>()

/** Makes every client of the pool run marked statements as named prepared statements. */
export function prepareNamedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    if (patched.has(client)) return
    patched.add(client)
    const query = client.query.bind(client) as QueryFunction
    const named: QueryFunction = (text, values, ...rest) => {
      const name = typeof text === 'string' ? statementName(text) : null
      return name === null ? query(text, values, ...rest) : query({ name, text, values }, ...rest)
    }
    client.query = named as typeof client.query
  })
}

/** A statement built once: its text with $n placeholders and the order of its parameters. */
export interface NamedStatement<P> {
  readonly name: string
  readonly text: string
  readonly order: readonly (keyof P & string)[]
}

/**
 * Builds a statement's text once: `param(key, type)` gives `$n::type` (the same key the same $n), so
 * the text never changes between calls and the server plans it once per connection.
 */
export function namedStatement<P>(
  name: string,
  build: (param: (key: keyof P & string, type: string) => string) => string,
): NamedStatement<P> {
  const order: (keyof P & string)[] = []
  const text = build((key, type) => {
    let index = order.indexOf(key)
    if (index === -1) index = order.push(key) - 1
    return `$${index + 1}::${type}`
  })
  return { name, text: `/*named:${name}*/ ${text}`, order }
}

// biome-ignore lint/suspicious/noExplicitAny: any database: the statement is raw SQL
export function executeNamed<P, R>(db: Kysely<any>, statement: NamedStatement<P>, values: P) {
  const parameters = statement.order.map((key) => values[key])
  return db.executeQuery(CompiledQuery.raw(statement.text, parameters)) as Promise<QueryResult<R>>
}
