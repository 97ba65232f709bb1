// A pg-Pool look-alike over one PGlite instance, so Kysely's own PostgresDialect drives both databases.
// PGlite has a single session: connect() holds a FIFO mutex until release(), so a transaction owns
// the session for its whole life (STACK.md: without this, concurrent FOR UPDATE increments were lost).
import type { PGlite } from '@electric-sql/pglite'

interface PoolClientLike {
  query(sql: string, parameters: unknown[]): Promise<{ command: string; rowCount: number; rows: unknown[] }>
  release(): void
}

const COMMAND_PATTERN =
  /^\s*(?:\/\*[^*]*\*\/\s*)?(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select|commit|rollback)\b/i

export function createPglitePool(pglite: PGlite) {
  let tail: Promise<void> = Promise.resolve()

  function lock(): Promise<() => void> {
    let unlock!: () => void
    const held = new Promise<void>((resolve) => {
      unlock = resolve
    })
    const acquired = tail.then(() => unlock)
    tail = tail.then(() => held)
    return acquired
  }

  return {
    async connect(): Promise<PoolClientLike> {
      const unlock = await lock()
      let released = false
      return {
        async query(sql, parameters) {
          const command = (COMMAND_PATTERN.exec(sql)?.[1] ?? '').toUpperCase()
          // Without parameters use the simple protocol, which also runs multi-statement scripts (migrations).
          const result =
            parameters.length === 0 ? (await pglite.exec(sql)).at(-1) : await pglite.query(sql, parameters)
          return { command, rowCount: result?.affectedRows ?? 0, rows: result?.rows ?? [] }
        },
        release() {
          if (released) return
          released = true
          unlock()
        },
      }
    },
    async end(): Promise<void> {
      await pglite.close()
    },
  }
}
