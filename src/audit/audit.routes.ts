// Audit routes: a tender's hash-chained history (JSON or NDJSON) and its replay verification report.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import { readRecordEvidence } from '../records/record-repository.ts'
import type { CommandDeps } from '../tenders/tender-command.ts'
import { authorizeAuditReader, readHistory, readTenderWithStream, toNdjson } from './history.ts'
import { verifyTenderStream } from './replay.ts'

const NDJSON = 'application/x-ndjson'

const HistoryEventSchema = Type.Object(
  {
    seq: Type.Integer(),
    type: Type.String(),
    recordedAt: Type.String(),
    actor: Type.Object({}, { additionalProperties: true }),
    data: Type.Object({}, { additionalProperties: true }),
    meta: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'verbatim, for auditors and supervisors' }),
    ),
    prevHash: Type.String(),
    hash: Type.String(),
    note: Type.Optional(
      Type.String({
        description:
          'why data is not the stored data: a ballot of a round still open (data: round, memberId, at, withheld: true)',
      }),
    ),
  },
  { additionalProperties: false },
)

const HistorySchema = Type.Object(
  {
    tenderId: Type.String(),
    streamId: Type.String(),
    events: Type.Array(HistoryEventSchema),
    head: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()]),
  },
  { additionalProperties: false },
)

const ReplaySchema = Type.Object(
  {
    tenderId: Type.String(),
    ok: Type.Boolean(),
    chain: Type.Object({ ok: Type.Boolean() }, { additionalProperties: true }),
    replay: Type.Object({ ok: Type.Boolean() }, { additionalProperties: true }),
    draws: Type.Object({ ok: Type.Boolean() }, { additionalProperties: true }),
  },
  { additionalProperties: true, description: 'hash chain, machine replay against the projection, and draws' },
)

export async function auditRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  app.get(
    '/api/v1/tenders/:id/history',
    {
      schema: {
        operationId: 'getTenderHistory',
        tags: ['audit'],
        summary:
          "The tender's events with their hash chain (JSON, or NDJSON with Accept: application/x-ndjson)",
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: {
          200: {
            content: {
              'application/json': { schema: HistorySchema },
              [NDJSON]: { schema: Type.String({ description: 'one event per line' }) },
            },
          },
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const history = await readHistory(deps.db, requireActor(request), (request.params as { id: string }).id)
      if (wantsNdjson(request.headers.accept)) return reply.type(NDJSON).send(toNdjson(history.events))
      return history
    },
  )

  app.get(
    '/api/v1/tenders/:id/replay',
    {
      schema: {
        operationId: 'replayTender',
        tags: ['audit'],
        summary: 'Verify the tender: hash chain, replay through the machine against the projection, draws',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: ReplaySchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const { tender, events } = await readTenderWithStream(deps.db, (request.params as { id: string }).id)
      authorizeAuditReader(tender, actor)
      const { value, context } = tender.snapshot
      const records = await readRecordEvidence(deps.db, tender.id)
      return {
        tenderId: tender.id,
        ...verifyTenderStream(events, { value, context, version: tender.version }, records),
      }
    },
  )
}

/** NDJSON only when asked for and preferred to JSON (a plain Accept: application/json keeps JSON). */
function wantsNdjson(accept: string | undefined): boolean {
  if (!accept) return false
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase())
  const ndjson = types.indexOf(NDJSON)
  const json = types.indexOf('application/json')
  return ndjson >= 0 && (json < 0 || ndjson < json)
}
