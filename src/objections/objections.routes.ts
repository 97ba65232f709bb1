// Objection routes (异议): raise (bidder), answer (purchaser), list and read (purchaser, oversight,
// own raiser).
import type { FastifyInstance } from 'fastify'
import { requireActor } from '../auth/authenticate.ts'
import { listedItem } from '../http/listed-item.ts'
import { problemResponses, TenderIdParams } from '../http/schemas.ts'
import { commandRoute, createCommandRoute } from '../pipeline/command-route.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import {
  ObjectionAnswerBody,
  ObjectionBody,
  ObjectionListResponse,
  ObjectionParams,
  ObjectionView,
} from './objections.schemas.ts'
import { answerObjection, raiseObjection, readObjections } from './objections.ts'

export async function objectionsRoutes(app: FastifyInstance, deps: CommandDeps): Promise<void> {
  createCommandRoute(app, {
    url: '/api/v1/tenders/:id/objections',
    operationId: 'raiseObjection',
    summary: 'Raise an objection (bidder); the tender is held until it is answered',
    description:
      "Raises an objection (异议) to the documents, the opening, the candidates or the result; the tender is held until it is answered. Any bidder who can see the tender may, in the stage's own window: the documents up to objectionLeadDays before the deadline, the opening during it, the candidates and the result during their publicity (422 objection_too_late, objection_stage_closed).",
    tag: 'bidding',
    body: ObjectionBody,
    run: ({ actor, params, body, ifMatch }) => raiseObjection(deps, actor, params.id, body, ifMatch),
    location: (params, id) => `/api/v1/tenders/${params.id}/objections/${id}`,
  })

  commandRoute(app, {
    url: '/api/v1/tenders/:id/objections/:oid/answer',
    operationId: 'answerObjection',
    summary: 'Answer an objection, upheld or not (purchaser); releases the hold',
    description:
      'Answers a pending objection, upheld or not, and releases the hold; an upheld one in a publicity sends the tender back to evaluation or to the award. Only the owning purchaser may, once per objection (409 already_answered).',
    tag: 'bidding',
    params: ObjectionParams,
    body: ObjectionAnswerBody,
    run: ({ actor, params, body, ifMatch }) =>
      answerObjection(deps, actor, params.id, params.oid, body, ifMatch),
  })

  app.get(
    '/api/v1/tenders/:id/objections',
    {
      schema: {
        operationId: 'listObjections',
        tags: ['bidding'],
        summary: 'Objections: all for the purchaser and oversight, its own for a bidder',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        response: { 200: ObjectionListResponse, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      return { items: await readObjections(deps.db, requireActor(request), id) }
    },
  )

  app.get(
    '/api/v1/tenders/:id/objections/:oid',
    {
      schema: {
        operationId: 'getObjection',
        tags: ['bidding'],
        summary: "One objection, under the list's rule (another bidder's reads as missing)",
        security: [{ bearerAuth: [] }],
        params: ObjectionParams,
        response: { 200: ObjectionView, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id, oid } = request.params as { id: string; oid: string }
      const objections = await readObjections(deps.db, requireActor(request), id)
      return listedItem(objections, (o) => o.id, oid, 'objection')
    },
  )
}
