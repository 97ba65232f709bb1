// Audit routes: a tender's hash-chained history (JSON or NDJSON) and its replay verification report.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { requireActor } from '../auth/authenticate.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { readBidHistory } from './bid-history.ts'
import { readHistory, toNdjson } from './history.ts'
import { replayReport } from './replay-report.ts'

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

const Head = Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()])

const HistorySchema = Type.Object(
  {
    tenderId: Type.String(),
    streamId: Type.String(),
    events: Type.Array(HistoryEventSchema),
    head: Head,
  },
  { additionalProperties: false },
)

const BidStreamsSchema = Type.Object(
  {
    tenderId: Type.String(),
    streams: Type.Array(
      Type.Object(
        { streamId: Type.String(), events: Type.Array(HistoryEventSchema), head: Head },
        { additionalProperties: false },
      ),
    ),
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
    bidStreams: Type.Object(
      { ok: Type.Boolean(), count: Type.Integer() },
      {
        additionalProperties: true,
        description:
          'every bid stream: hash chain, bid machine, and the bid set hash of CLOSE_BIDDING recomputed; before the opening only ok and count',
      },
    ),
  },
  {
    additionalProperties: true,
    description: 'hash chain, machine replay against the projection, draws, records and bid streams',
  },
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
        summary:
          'Verify the tender: hash chain, replay through the machine against the projection, draws, records, bid streams',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: ReplaySchema, ...problemResponses(404) },
      },
    },
    async (request) => replayReport(deps, requireActor(request), (request.params as { id: string }).id),
  )

  app.get(
    '/api/v1/tenders/:id/history/bids',
    {
      schema: {
        operationId: 'getTenderBidStreams',
        tags: ['audit'],
        summary:
          'Every bid stream of the tender with its hash chain (stream id bid-<bidId>), once the bids are opened; before: 422 bids_not_opened',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: BidStreamsSchema, ...problemResponses(404, 422) },
      },
    },
    async (request) => readBidHistory(deps.db, requireActor(request), (request.params as { id: string }).id),
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
