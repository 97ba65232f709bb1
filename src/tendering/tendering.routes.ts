// Tender routes (招标): create, list, read, edit, publish, cancel, extend, suspend, resume.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { TenderParticulars } from '../../state-machines/tender.events.ts'
import { requireActor } from '../auth/authenticate.ts'
import { createdResponse, sendCreated } from '../http/created.ts'
import { ifMatchVersion, setVersionTag } from '../http/etag.ts'
import { IfMatchHeaders, ProblemRef, problemResponses, TenderIdParams } from '../http/schemas.ts'
import type { PlatformKeys } from '../keys/platform-keys.ts'
import { commandRoute } from '../pipeline/command-route.ts'
import type { CommandDeps } from '../pipeline/tender-command.ts'
import { assertVisible } from '../tenders/tender-access.ts'
import { listVisibleTenders } from '../tenders/tender-list.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { TenderViewSchema, tenderView } from '../tenders/tender-view.ts'
import { createTender } from './create-tender.ts'
import {
  cancelTender,
  editTender,
  extendDeadline,
  publishTender,
  resumeTender,
  suspendTender,
} from './tender-commands.ts'
import {
  CreateTenderBody,
  EditTenderBody,
  ExtendDeadlineBody,
  ListTendersQuery,
  PublishBody,
  ReasonBody,
} from './tendering.schemas.ts'

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
    description:
      "Publishes a draft: its rule pack, deadline, evaluation and award methods and award factors are frozen, and the tender's bid encryption key is made. Only the purchaser that owns the draft may; the deadline must leave the pack's minimum bid period (minBidDays, 20 days under the national pack) and the pack must allow both methods (422 deadline_too_soon, method_not_allowed …).",
    tag: 'tenders',
    body: PublishBody,
    run: ({ actor, params, body, ifMatch }) => publishTender(deps, actor, params.id, body, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/cancel',
    operationId: 'cancelTender',
    summary: 'Cancel (终止招标) from any live state, with a reason (purchaser)',
    description:
      'Terminates the tender (终止招标) with a reason on the record, from any state that is not final; pending timers are dropped. Only the purchaser that owns it may; a final tender answers 409 illegal_transition.',
    tag: 'tenders',
    body: ReasonBody,
    run: ({ actor, params, body, ifMatch }) => cancelTender(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/extend-deadline',
    operationId: 'extendDeadline',
    summary: 'Move the bid deadline later, with a reason (purchaser)',
    description:
      'Moves the bid deadline later (顺延), with a reason; bids already made keep their place. Only the owning purchaser may, while bidding and before the current deadline, and only to a later instant (422 deadline_not_later, deadline_passed).',
    tag: 'tenders',
    body: ExtendDeadlineBody,
    run: ({ actor, params, body, ifMatch }) =>
      extendDeadline(deps, actor, params.id, body.newDeadline, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/suspend',
    operationId: 'suspendTender',
    summary: 'Suspend (暂停) the procedure: no progress until resumed (supervisor)',
    description:
      'Suspends the procedure (暂停) with a reason: while it lasts, only questions, amendments, deadline extensions, objections, resumption and cancellation are taken, and bids are refused. Only a supervisor may (实施条例 Art 62); a suspended tender answers 422 already_suspended.',
    tag: 'tenders',
    body: ReasonBody,
    run: ({ actor, params, body, ifMatch }) => suspendTender(deps, actor, params.id, body.reason, ifMatch),
  })
  commandRoute(app, {
    url: '/api/v1/tenders/:id/resume',
    operationId: 'resumeTender',
    summary: 'Resume a suspended procedure (supervisor)',
    description:
      'Lifts a suspension with a reason, so the procedure goes on where it stopped. Only a supervisor may, and only on a suspended tender (422 not_suspended).',
    tag: 'tenders',
    body: ReasonBody,
    run: ({ actor, params, body, ifMatch }) => resumeTender(deps, actor, params.id, body.reason, ifMatch),
  })
}
