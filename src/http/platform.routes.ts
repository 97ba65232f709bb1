// Health: is the process up, which database is it on, does the database answer.
import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { Type } from 'typebox'
import type { DatabaseKind } from '../db/database.ts'
import type { Database } from '../db/schema.ts'

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  databaseReachable: Type.Boolean(),
  version: Type.String(),
})

export async function platformRoutes(
  app: FastifyInstance,
  deps: { dbKind: DatabaseKind; db: Kysely<Database> },
): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['platform'],
        summary: 'Liveness and the database in use',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const reachable = await sql`select 1`
        .execute(deps.db)
        .then(() => true)
        .catch(() => false)
      const body = {
        status: reachable ? ('ok' as const) : ('degraded' as const),
        database: deps.dbKind,
        databaseReachable: reachable,
        version: '0.1.0',
      }
      return reply.code(reachable ? 200 : 503).send(body)
    },
  )
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
