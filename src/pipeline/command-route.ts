// Registers a tender command route: validate, authenticate, run the command, answer with the
// tender's new view, the event it recorded, and its version as ETag. A command that creates something
// answers the one "created" shape instead (createdResponse): 201, Location, { id, tenderId, version, … }.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type Static, type TObject, type TSchema, Type } from 'typebox'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import { createdResponse, sendCreated } from '../http/created.ts'
import { ifMatchVersion, setVersionTag } from '../http/etag.ts'
import { assertNoBody } from '../http/no-body.ts'
import { IfMatchHeaders, problemResponses, TenderIdParams } from '../http/schemas.ts'
import { TenderViewSchema, tenderView } from '../tenders/tender-view.ts'
import type { CommandOutcome } from './tender-command.ts'

export const RecordedEventSchema = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  recordedAt: Type.String(),
  hash: Type.String(),
})

export const CommandResponseSchema = Type.Object(
  { tender: TenderViewSchema, event: RecordedEventSchema, result: Type.Optional(Type.Unknown()) },
  { additionalProperties: false },
)

interface CommandInput<P extends TObject, B extends TSchema> {
  actor: Actor
  params: Static<P>
  body: Static<B>
  /** The If-Match version: every command hands it on (TenderCommand.ifMatch is required). */
  ifMatch: number | undefined
}

export interface CommandRouteSpec<P extends TObject, B extends TSchema> {
  readonly url: string
  readonly operationId: string
  readonly summary: string
  /**
   * One or two sentences for the API document: what the command does, who may send it, and the rule
   * it is subject to (the refusal a client should expect).
   */
  readonly description: string
  readonly tag: string
  readonly params?: P
  readonly body?: B
  readonly run: (input: CommandInput<P, B>) => Promise<CommandOutcome<unknown>>
}

/** What a creating command's projection returns: the new thing's id and anything else worth saying. */
export type Created = { readonly id: string } & Record<string, unknown>

export interface CreateCommandRouteSpec<P extends TObject, B extends TSchema>
  extends Omit<CommandRouteSpec<P, B>, 'run'> {
  readonly run: (input: CommandInput<P, B>) => Promise<CommandOutcome<Created>>
  /** The created resource's URL, where it has one. */
  readonly location?: (params: Static<P>, id: string) => string
  /** Schemas of what the answer adds beside id, tenderId, version, tender and event. */
  readonly extra?: Record<string, TSchema>
}

function register<P extends TObject, B extends TSchema>(
  app: FastifyInstance,
  spec: Omit<CommandRouteSpec<P, B>, 'run'>,
  response: Record<number, TSchema>,
  handle: (request: FastifyRequest, reply: FastifyReply, input: CommandInput<P, B>) => Promise<unknown>,
): void {
  app.post(
    spec.url,
    {
      schema: {
        operationId: spec.operationId,
        tags: [spec.tag],
        summary: spec.summary,
        description: spec.description,
        security: [{ bearerAuth: [] }],
        params: spec.params ?? TenderIdParams,
        headers: IfMatchHeaders,
        ...(spec.body ? { body: spec.body } : {}),
        response: { ...response, ...problemResponses(404, 409, 412, 413, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      if (!spec.body) assertNoBody(request.body)
      return handle(request, reply, {
        actor,
        params: request.params as Static<P>,
        body: (request.body ?? {}) as Static<B>,
        ifMatch: ifMatchVersion(request),
      })
    },
  )
}

function commandAnswer(outcome: CommandOutcome<unknown>) {
  const { seq, type, recordedAt, hash } = outcome.event
  return { tender: tenderView(outcome.tender, recordedAt), event: { seq, type, recordedAt, hash } }
}

export function commandRoute<P extends TObject = typeof TenderIdParams, B extends TSchema = TObject>(
  app: FastifyInstance,
  spec: CommandRouteSpec<P, B>,
): void {
  register(app, spec, { 200: CommandResponseSchema }, async (_request, reply, input) => {
    const outcome = await spec.run(input)
    setVersionTag(reply, outcome.tender.version)
    return {
      ...commandAnswer(outcome),
      ...(outcome.result === undefined ? {} : { result: outcome.result }),
    }
  })
}

/** A command that creates something with an id of its own (a question, an objection, a notice …). */
export function createCommandRoute<P extends TObject = typeof TenderIdParams, B extends TSchema = TObject>(
  app: FastifyInstance,
  spec: CreateCommandRouteSpec<P, B>,
): void {
  const schema = createdResponse(
    { tender: TenderViewSchema, event: RecordedEventSchema, ...spec.extra },
    { location: spec.location !== undefined },
  )
  register(app, spec, { 201: schema }, async (_request, reply, input) => {
    const outcome = await spec.run(input)
    const { id, ...extra } = outcome.result!
    const { tender } = outcome
    return sendCreated(reply, {
      created: { id, tenderId: tender.id, version: tender.version },
      location: spec.location?.(input.params, id),
      body: { ...commandAnswer(outcome), ...extra },
    })
  })
}
