// Another app instance on a test app's database, clock, tokens and keys, with its own bid body limit or
// logger: what a second server process with other settings would be.
import type { FastifyServerOptions } from 'fastify'
import supertest from 'supertest'
import { buildApp } from '../../src/app.ts'
import type { TestApp } from './test-app.ts'

export async function secondApp(
  t: TestApp,
  options: { bidBodyLimit?: number; logger?: FastifyServerOptions['logger'] },
) {
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
  })
  await app.ready()
  return { app, http: supertest(app.server), close: () => app.close() }
}

/** A second app logging everything (level trace), with the lines it wrote. */
export async function tracingApp(t: TestApp) {
  const lines: string[] = []
  const app = await secondApp(t, {
    logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
  })
  return { ...app, lines }
}
