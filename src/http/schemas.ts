// Schemas shared by every capability's routes: the problem document, ids, common responses.
import { type TSchema, Type } from 'typebox'
import { ID_PATTERN } from '../shared/ids.ts'

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'stable machine-readable code' }),
    instance: Type.Optional(Type.String()),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
)

export const ProblemRef = Type.Ref('Problem')

export const Id = (description: string) => Type.String({ pattern: ID_PATTERN, description })

export const TenderIdParams = Type.Object({ id: Id('tender id') }, { additionalProperties: false })

/** Free text of 1 to `max` characters (a question, an answer, a summary), with an example. */
export const BoundedText = (max: number, description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: max, description, examples: [example] })

/** A moment: RFC 3339 with an offset that a Date can hold (no leap second; see http/validation.ts). */
export const IsoDateTime = (description: string) =>
  Type.String({
    format: 'date-time',
    description: `${description} (RFC 3339 with Z or ±hh:mm, e.g. 2026-03-23T09:30:00Z; 23:59:60 is refused)`,
  })

/** Money in fen (分) as a decimal string: never a float. */
export const Fen = (description: string) =>
  Type.String({
    pattern: '^(0|[1-9][0-9]{0,17})$',
    description: `${description}, in fen (分) as a decimal string`,
  })

/** The precondition of every command on a tender: the version its client last saw (its ETag). */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      maxLength: 64,
      description:
        'the tender version the client last saw, as the ETag it was given ("3"); another version answers 412 version_mismatch and records nothing. Without it (or with *) the command applies to the current version.',
      examples: ['"3"'],
    }),
  ),
})

/** Error responses every authenticated command can give. */
export function problemResponses(...statuses: number[]): Record<number, TSchema> {
  const responses: Record<number, TSchema> = {}
  for (const status of [400, 401, 403, ...statuses]) responses[status] = ProblemRef
  return responses
}

/** A strict request body: unknown fields are an error, not silently dropped. */
export function Body<T extends Record<string, TSchema>>(
  properties: T,
  options: { description?: string } = {},
) {
  return Type.Object(properties, { additionalProperties: false, ...options })
}
