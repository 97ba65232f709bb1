// One Kysely factory for both databases: pg when a URL is given, otherwise PGlite in a data folder.
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { prepareNamedStatements } from './named-statements.ts'
import { createPglitePool } from './pglite-pool.ts'
import type { Database } from './schema.ts'

export type DatabaseKind = 'postgres' | 'pglite'

export interface DatabaseHandle {
  readonly db: Kysely<Database>
  readonly kind: DatabaseKind
  /** Where the data lives: the folder for PGlite, the URL without password for PostgreSQL. */
  readonly location: string
  close(): Promise<void>
  /** PGlite only: the data directory as a tarball, to load into another instance. */
  readonly dumpDataDir?: () => Promise<Blob>
}

const INT8_OID = 20

/** int8 as a decimal string on both databases (pg's default), so money in fen never becomes a float. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => value
    return pg.types.getTypeParser(oid, format)
  },
}

export interface PostgresOptions {
  readonly url: string
  /** Schema to work in (tests give each file its own); default: the server's search_path. */
  readonly schema?: string
  readonly maxConnections?: number
}

export function openPostgres(options: PostgresOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 20,
    // Connections stay open through a quiet spell (pg's default closes them after 10 s): the deadline
    // rush follows quiet hours, and a new connection costs a backend start and its prepared statements.
    idleTimeoutMillis: 5 * 60_000,
    types: pgTypes,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  prepareNamedStatements(pool)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', location: redactUrl(options.url), close: () => db.destroy() }
}

/** Opens PGlite in a folder (or in memory with no folder), optionally from a dumped data directory. */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [INT8_OID]: (value: string) => value },
  })
  const pool = createPglitePool(pglite)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) })
  return {
    db,
    kind: 'pglite',
    location: dataDir ?? 'memory',
    close: () => db.destroy(),
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres://(unparseable URL)'
  }
}
