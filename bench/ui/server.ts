// The server process of `npm run bench:ui`: the whole app on an embedded PGlite (or a fresh schema of
// DATABASE_URL), the bench tender set up inside it, listening on a free port. It tells the parent (over
// the IPC channel) its port, the tender and a purchaser's session cookie and bearer token, and answers
// "cpu" with its own process.cpuUsage(), so the parent measures the server's CPU per request alone.
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { buildApp } from '../../src/app.ts'
import { createEmbeddedTokenService } from '../../src/auth/token-issuer.ts'
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys } from '../../src/keys/platform-keys.ts'
import { seedDemoDirectory } from '../../src/organisations/seed-demo-directory.ts'
import { startSession } from '../../src/sessions/sessions.ts'
import { manualClock } from '../../src/shared/clock.ts'
import { SESSION_COOKIE } from '../../src/web/page-foundation.ts'
import { actorOf, benchTender } from './ui-tender.ts'

const url = process.env.DATABASE_URL || null
const schema = `bench_ui_${randomBytes(4).toString('hex')}`

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url ?? undefined })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

async function openDatabase(): Promise<DatabaseHandle> {
  if (!url) {
    const database = await openPglite(null)
    await migrateToLatest(database.db)
    return database
  }
  await admin(`create schema ${schema}`)
  const database = openPostgres({ url, schema, maxConnections: 10 })
  await migrateToLatest(database.db, schema)
  return database
}

const send = (message: unknown) => process.send?.(message)
const database = await openDatabase()
const clock = manualClock('2026-03-02T01:30:00.000Z')
await seedDemoDirectory(database.db, clock)
const keys = await createPlatformKeys(database.db, kekFromBase64(randomBytes(32).toString('base64')), clock)
const tokens = await createEmbeddedTokenService(database.db, clock)
const setup = await benchTender(database, clock, keys)
const app = await buildApp({
  db: database.db,
  dbKind: database.kind,
  clock,
  tokens,
  keys,
  devLogin: true,
  bodyLimit: 1024 * 1024,
  logger: false,
})
await app.listen({ port: 0, host: '127.0.0.1' })
const purchaser = actorOf('purchaser')
const session = await startSession({ db: database.db, clock }, purchaser)
const token = await tokens.issue({
  userId: purchaser.userId,
  orgId: purchaser.orgId,
  roles: [...purchaser.roles],
})

process.on('message', async (message: { cmd: string }) => {
  if (message.cmd === 'cpu') send({ cpu: process.cpuUsage() })
  if (message.cmd === 'stop') {
    await app.close()
    await database.close()
    if (url) await admin(`drop schema ${schema} cascade`)
    process.exit(0)
  }
})
send({
  ready: true,
  port: (app.server.address() as AddressInfo).port,
  database: url ? 'postgres' : 'pglite',
  ...setup,
  // A browser keeps its browser cookie (the CSRF secret) too; without it every page would mint one.
  cookie: `${SESSION_COOKIE}=${session.sessionId}; yx_browser=${randomBytes(32).toString('base64url')}`,
  token,
})
