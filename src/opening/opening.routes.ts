// Opening routes (开标), registered by app.ts: close bidding, open the committed bids, read the opening record.
import type { FastifyInstance } from 'fastify'
import { requireActor } from '../auth/authenticate.ts'
import { ifMatchVersion, setVersionTag } from '../http/etag.ts'
import { assertNoBody } from '../http/no-body.ts'
import { IfMatchHeaders, ProblemRef, problemResponses, TenderIdParams } from '../http/schemas.ts'
import { CommandResponseSchema, commandRoute } from '../pipeline/command-route.ts'
import { tenderView } from '../tenders/tender-view.ts'
import { BID_SET_HASH_RULE } from './bid-set-hash.ts'
import { closeBidding } from './close-bidding.ts'
import { openBids } from './open-bids.ts'
import { OpeningRecordResponse } from './opening.schemas.ts'
import type { OpeningDeps } from './opening-deps.ts'
import { readOpeningRecord } from './opening-record.ts'

export async function openingRoutes(app: FastifyInstance, deps: OpeningDeps): Promise<void> {
  // Written out rather than with commandRoute: its description publishes how to recompute bidSetHash.
  app.post(
    '/api/v1/tenders/:id/close-bidding',
    {
      schema: {
        operationId: 'closeBidding',
        tags: ['opening'],
        summary: 'Close bidding at or after the deadline: commit to the live bids (purchaser or operator)',
        description: `Records bidCount and bidSetHash of the live bids; fewer than the rule pack's minimum bids fails the tender (流标). Before the deadline: 422 deadline_not_reached. ${BID_SET_HASH_RULE}`,
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        headers: IfMatchHeaders,
        response: { 200: CommandResponseSchema, ...problemResponses(404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      assertNoBody(request.body)
      const { id } = request.params as { id: string }
      const outcome = await closeBidding(deps, requireActor(request), id, ifMatchVersion(request))
      setVersionTag(reply, outcome.tender.version)
      const { seq, type, recordedAt, hash } = outcome.event
      return { tender: tenderView(outcome.tender, recordedAt), event: { seq, type, recordedAt, hash } }
    },
  )

  commandRoute(app, {
    url: '/api/v1/tenders/:id/open',
    operationId: 'openBids',
    summary: 'Open (decrypt) the committed bids and publish the opening record (purchaser or operator)',
    description:
      "Opens (decrypts) the bids committed at the close and publishes the opening record; too few valid bids fail the tender (流标). The owning purchaser or the trading centre's operator may, once bidding is closed; the opened set must be exactly the committed one (422 bid_set_mismatch).",
    tag: 'opening',
    run: ({ actor, params, body, ifMatch }) => {
      assertNoBody(body)
      return openBids(deps, actor, params.id, ifMatch)
    },
  })

  app.get(
    '/api/v1/tenders/:id/opening',
    {
      schema: {
        operationId: 'getOpeningRecord',
        tags: ['opening'],
        summary: 'The opening record (开标记录); 409 not_opened before opening',
        params: TenderIdParams,
        response: {
          200: OpeningRecordResponse,
          400: ProblemRef,
          401: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
        },
      },
    },
    async (request) => readOpeningRecord(deps.db, request.actor, (request.params as { id: string }).id),
  )
}
