// The one shape of a "created" answer, for every command that gives something a new id: 201, a
// Location header with the new resource's URL where it has one, and { id, tenderId, version, … } where
// version is that of the stream the command wrote (the tender's, or a new bid's own) and the ETag.
import type { FastifyReply } from 'fastify'
import { type TSchema, Type } from 'typebox'
import { setVersionTag } from './etag.ts'

const createdFields = {
  id: Type.String({ description: 'the id of what the command created' }),
  tenderId: Type.String({ description: 'the tender it belongs to (for a tender, its own id)' }),
  version: Type.Integer({
    description: "the version of the stream the command wrote (the tender's; a bid's own), also the ETag",
  }),
}

export interface CreatedResponseOptions {
  /** Whether the answer carries a Location header (the created thing has a URL). */
  readonly location: boolean
  readonly description?: string
  /** Let through properties beyond `rest`, as an open view schema does. */
  readonly open?: boolean
}

/** The 201 response schema: the created fields, then what the command answers besides. */
export function createdResponse(rest: Record<string, TSchema>, options: CreatedResponseOptions) {
  const hasLocation = options.location
  return Type.Object(
    { ...createdFields, ...rest },
    {
      additionalProperties: options.open ?? false,
      description:
        options.description ??
        (hasLocation ? 'created; the Location header is its URL' : 'created (it has no URL of its own)'),
      ...(hasLocation
        ? { headers: { location: Type.String({ description: "the created resource's URL" }) } }
        : {}),
    },
  )
}

export interface CreatedAnswer {
  readonly created: { readonly id: string; readonly tenderId: string; readonly version: number }
  readonly location?: string | undefined
  readonly body: Record<string, unknown>
}

export function sendCreated(reply: FastifyReply, answer: CreatedAnswer): FastifyReply {
  setVersionTag(reply, answer.created.version)
  if (answer.location !== undefined) reply.header('location', answer.location)
  return reply.code(201).send({ ...answer.created, ...answer.body })
}
