// Another app instance on a test app's database, clock, tokens and keys, with its own bid body limit,
// logger or credit sources: what a second server process with other settings would be.
import type { FastifyServerOptions } from 'fastify'
import supertest from 'supertest'
import { buildApp } from '../../src/app.ts'
import type { CreditProvider } from '../../src/credit/credit-provider.ts'
import { createFastPath } from '../../src/submission/fast-path.ts'
import type { TestApp } from './test-app.ts'

export async function secondApp(
  t: TestApp,
  options: {
    bidBodyLimit?: number
    logger?: FastifyServerOptions['logger']
    creditProviders?: readonly CreditProvider[]
  },
) {
  const fastPath = createFastPath(t.database.db)
  const app = await buildApp({
    db: t.database.db,
    dbKind: t.database.kind,
    clock: t.clock,
    tokens: t.tokens,
    keys: t.keys,
    devLogin: false,
    bodyLimit: 1024 * 1024,
    ...(options.bidBodyLimit === undefined ? {} : { bidBodyLimit: options.bidBodyLimit }),
    logger: options.logger ?? false,
    ...(options.creditProviders ? { creditProviders: options.creditProviders } : {}),
    fastPath,
  })
  await app.ready()
  return { app, fastPath, http: supertest(app.server), close: () => app.close() }
}

/**
 * The test app's steps served by a second app that asks these credit sources instead: the same
 * database, clock, tokens and keys (close() closes only the second app).
 */
export async function withCreditProviders(
  t: TestApp,
  providers: readonly CreditProvider[],
): Promise<TestApp> {
  const second = await secondApp(t, { creditProviders: providers })
  return { ...t, app: second.app, fastPath: second.fastPath, http: second.http, close: second.close }
}

/** A second app logging everything (level trace), with the lines it wrote. */
export async function tracingApp(t: TestApp) {
  const lines: string[] = []
  const app = await secondApp(t, {
    logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
  })
  return { ...app, lines }
}
