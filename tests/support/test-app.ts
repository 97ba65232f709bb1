// A whole app on a fresh test database with a clock the test moves, seeded with the demo directory.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import supertest from 'supertest'
import { type AppDeps, buildApp } from '../../src/app.ts'
import type { Role } from '../../src/auth/actor.ts'
import { createEmbeddedTokenService, type TokenService } from '../../src/auth/token-issuer.ts'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { kekFromBase64 } from '../../src/keys/kek.ts'
import { createPlatformKeys, type PlatformKeys } from '../../src/keys/platform-keys.ts'
import { DEMO_USERS } from '../../src/organisations/demo-directory.ts'
import { seedDemoDirectory } from '../../src/organisations/seed-demo-directory.ts'
import { openSandbox } from '../../src/sandbox/sandbox-clock.ts'
import { type ManualClock, manualClock } from '../../src/shared/clock.ts'
import { createFastPath, type FastPath } from '../../src/submission/fast-path.ts'
import { openTestDatabase } from './test-database.ts'

export const TEST_START = '2026-03-02T01:30:00.000Z' // 09:30 in Shanghai, a Monday

export interface TestApp {
  readonly app: FastifyInstance
  readonly database: DatabaseHandle
  readonly clock: ManualClock
  readonly tokens: TokenService
  /** Platform keys under a KEK of 32 random bytes (no key file). */
  readonly keys: PlatformKeys
  /** The app's bid fast path (its acceptance queue's counters, its hints), built here as app.ts would. */
  readonly fastPath: FastPath
  readonly http: ReturnType<typeof supertest>
  /** A bearer token for a seeded demo user, e.g. "purchaser", "bidder1", "expert3". */
  token(username: string): Promise<string>
  close(): Promise<void>
}

export async function startTestApp(
  options: {
    bodyLimit?: number
    sandbox?: boolean
    devLogin?: boolean
    loginLimits?: AppDeps['loginLimits']
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase()
  const clock = manualClock(TEST_START)
  await seedDemoDirectory(database.db, clock)
  // The sandbox clock runs ahead of the test's clock (its "real time") by what advances added.
  const sandbox = options.sandbox ? await openSandbox(database.db, clock) : undefined
  const tokens = await createEmbeddedTokenService(database.db, clock)
  const keys = await createPlatformKeys(database.db, kekFromBase64(randomBytes(32).toString('base64')), clock)
  const fastPath = createFastPath(database.db)
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    clock: sandbox?.clock ?? clock,
    ...(sandbox ? { sandbox } : {}),
    tokens,
    keys,
    devLogin: options.devLogin ?? true,
    ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logger: false,
    fastPath,
  })
  await app.ready()
  return {
    app,
    database,
    clock,
    tokens,
    keys,
    fastPath,
    http: supertest(app.server),
    async token(username) {
      const user = DEMO_USERS.find((u) => u.username === username)
      if (!user) throw new Error(`no demo user ${username}`)
      return tokens.issue(
        { userId: user.id, orgId: user.orgId, roles: user.roles as Role[] },
        365 * 24 * 3600,
      )
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}
