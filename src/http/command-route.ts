// Registers a tender command route: validate, authenticate, run the command, answer with the
// tender's new view, the event it recorded, and its version as ETag.
import type { FastifyInstance } from 'fastify'
import { type Static, type TObject, type TSchema, Type } from 'typebox'
import type { Actor } from '../auth/actor.ts'
import { requireActor } from '../auth/authenticate.ts'
import type { CommandOutcome } from '../tenders/tender-command.ts'
import { tenderView } from '../tenders/tender-view.ts'
import { TenderViewSchema } from '../tenders/tenders.schemas.ts'
import { ifMatchVersion, setVersionTag } from './etag.ts'
import { assertNoBody } from './no-body.ts'
import { IfMatchHeaders, problemResponses, TenderIdParams } from './schemas.ts'

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

export interface CommandRouteSpec<P extends TObject, B extends TSchema> {
  readonly url: string
  readonly operationId: string
  readonly summary: string
  readonly tag: string
  readonly params?: P
  readonly body?: B
  readonly run: (input: {
    actor: Actor
    params: Static<P>
    body: Static<B>
    ifMatch: number | undefined
  }) => Promise<CommandOutcome<unknown>>
}

export function commandRoute<P extends TObject = typeof TenderIdParams, B extends TSchema = TObject>(
  app: FastifyInstance,
  spec: CommandRouteSpec<P, B>,
): void {
  app.post(
    spec.url,
    {
      schema: {
        operationId: spec.operationId,
        tags: [spec.tag],
        summary: spec.summary,
        security: [{ bearerAuth: [] }],
        params: spec.params ?? TenderIdParams,
        headers: IfMatchHeaders,
        ...(spec.body ? { body: spec.body } : {}),
        response: { 200: CommandResponseSchema, ...problemResponses(404, 409, 412, 413, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      if (!spec.body) assertNoBody(request.body)
      const outcome = await spec.run({
        actor,
        params: request.params as Static<P>,
        body: (request.body ?? {}) as Static<B>,
        ifMatch: ifMatchVersion(request),
      })
      setVersionTag(reply, outcome.tender.version)
      const { seq, type, recordedAt, hash } = outcome.event
      return {
        tender: tenderView(outcome.tender, recordedAt),
        event: { seq, type, recordedAt, hash },
        ...(outcome.result === undefined ? {} : { result: outcome.result }),
      }
    },
  )
}
