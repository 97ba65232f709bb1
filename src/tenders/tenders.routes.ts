// Tender routes: create, list, read, edit, publish, cancel, extend, suspend, resume.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { TenderParticulars } from '../../state-machines/tender.events.ts'
import { requireActor } from '../auth/authenticate.ts'
import { commandRoute } from '../http/command-route.ts'
import { createdResponse, sendCreated } from '../http/created.ts'
import { ifMatchVersion, setVersionTag } from '../http/etag.ts'
import { IfMatchHeaders, ProblemRef, problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { createTender } from './create-tender.ts'
import { assertVisible } from './tender-access.ts'
import type { CommandDeps } from './tender-command.ts'
import {
  cancelTender,
  editTender,
  extendDeadline,
  publishTender,
  resumeTender,
  suspendTender,
} from './tender-commands.ts'
import { listVisibleTenders } from './tender-list.ts'
import { findTender } from './tender-repository.ts'
import { tenderView } from './tender-view.ts'
import {
  CreateTenderBody,
  EditTenderBody,
  ExtendDeadlineBody,
  ListTendersQuery,
  PublishBody,
  ReasonBody,
  TenderViewSchema,
} from './tenders.schemas.ts'

export async function tenderRoutes(
  app: FastifyInstance,
  deps: CommandDeps & { readonly keys: PlatformKeys },
): Promise<void> {
  app.post(
    '/api/v1/tenders',
    {
      schema: {
        operationId: 'createTender',
        tags: ['tenders'],
        summary: 'Create a draft tender (purchaser)',
        security: [{ bearerAuth: [] }],
        body: CreateTenderBody,
        response: {
          201: createdResponse(TenderViewSchema.properties, {
            location: true,
            description: "the new draft's view; Location is its URL",
            open: true,
          }),
          ...problemResponses(413),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as Omit<TenderParticulars, 'ceilingPriceFen'> & {
        ceilingPriceFen?: string | null
      }
      const row = await createTender(deps, requireActor(request), {
        ...body,
        ceilingPriceFen: body.ceilingPriceFen ?? null,
      })
      return sendCreated(reply, {
        created: { id: row.id, tenderId: row.id, version: row.version },
        location: `/api/v1/tenders/${row.id}`,
        body: tenderView(row, deps.clock.now().toISOString()),
      })
    },
  )

  app.get(
    '/api/v1/tenders',
    {
      schema: {
        operationId: 'listTenders',
        tags: ['tenders'],
        summary: "List published tenders (and the caller's own drafts)",
        querystring: ListTendersQuery,
        response: {
          200: Type.Object({ items: Type.Array(TenderViewSchema) }),
          400: ProblemRef,
          401: ProblemRef,
        },
      },
    },
    async (request) => {
      const query = request.query as { state?: string; mine?: boolean; limit: number; offset: number }
      const rows = await listVisibleTenders(deps.db, request.actor, query)
      const now = deps.clock.now().toISOString()
      return { items: rows.map((row) => tenderView(row, now)) }
    },
  )

  app.get(
    '/api/v1/tenders/:id',
    {
      schema: {
        operationId: 'getTender',
        tags: ['tenders'],
        summary: 'Read one tender; ETag carries its version',
        params: TenderIdParams,
        response: { 200: TenderViewSchema, 400: ProblemRef, 401: ProblemRef, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const row = await findTender(deps.db, (request.params as { id: string }).id)
      assertVisible(row, request.actor)
      setVersionTag(reply, row.version)
      return tenderView(row, deps.clock.now().toISOString())
    },
  )

  app.patch(
    '/api/v1/tenders/:id',
    {
      schema: {
        operationId: 'editTender',
        tags: ['tenders'],
        summary: 'Edit a draft tender (purchaser; frozen once published)',
        security: [{ bearerAuth: [] }],
        params: TenderIdParams,
        headers: IfMatchHeaders,
        body: EditTenderBody,
        response: { 200: TenderViewSchema, ...problemResponses(404, 409, 412, 413, 422) },
      },
    },
    async (request, reply) => {
      const outcome = await editTender(
        deps,
        requireActor(request),
        (request.params as { id: string }).id,
        request.body as Partial<TenderParticulars>,
        ifMatchVersion(request),
      )
      setVersionTag(reply, outcome.tender.version)
      return tenderView(outcome.tender, outcome.event.recordedAt)
    },
  )

  commandRoute(app, {
    url: '/api/v1/tenders/:id/publish',
    operationId: 'publishTender',
    summary: 'Publish: freezes the rule pack, deadline, evaluation and award methods and factors',
    tag: 'tenders',
    body: PublishBody,
    run: ({ actor, params, body, ifMatch }) => publishTender(deps, actor, params.id, body, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/cancel',
    operationId: 'cancelTender',
    summary: 'Cancel (终止招标) from any live state, with a reason (purchaser)',
    tag: 'tenders',
    body: ReasonBody,
    run: ({ actor, params, body, ifMatch }) => cancelTender(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/extend-deadline',
    operationId: 'extendDeadline',
    summary: 'Move the bid deadline later, with a reason (purchaser)',
    tag: 'tenders',
    body: ExtendDeadlineBody,
    run: ({ actor, params, body, ifMatch }) =>
      extendDeadline(deps, actor, params.id, body.newDeadline, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/suspend',
    operationId: 'suspendTender',
    summary: 'Suspend (暂停) the procedure: no progress until resumed (supervisor)',
    tag: 'tenders',
    body: ReasonBody,
    run: ({ actor, params, body, ifMatch }) => suspendTender(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/resume',
    operationId: 'resumeTender',
    summary: 'Resume a suspended procedure (supervisor)',
    tag: 'tenders',
    body: ReasonBody,
    run: ({ actor, params, body, ifMatch }) => resumeTender(deps, actor, params.id, body.reason, ifMatch),
  })
}
