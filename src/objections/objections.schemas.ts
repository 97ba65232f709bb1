// Request and response schemas of the objection (异议) routes.
import { Type } from 'typebox'
import { Body, Id, BoundedText as text } from '../http/schemas.ts'

export const ObjectionParams = Type.Object(
  { id: Id('tender id'), oid: Id('objection id') },
  { additionalProperties: false },
)

export const ObjectionBody = Body({
  stage: Type.Union(
    [Type.Literal('documents'), Type.Literal('opening'), Type.Literal('candidates'), Type.Literal('result')],
    {
      description:
        'what the objection (异议) is about: the documents, the opening, the candidates or the result',
    },
  ),
  summary: text(8000, 'the objection and its grounds', '资格条件中要求的业绩类型排斥潜在投标人'),
})

export const ObjectionAnswerBody = Body({
  answer: text(8000, 'the reply, recorded with the objection', '经复核，资格条件符合有关规定，异议不成立。'),
  upheld: Type.Boolean({ description: 'whether the objection is upheld', examples: [false] }),
})

export const ObjectionView = Type.Object(
  { id: Type.String(), stage: Type.String(), summary: Type.String(), raisedByOrgId: Type.String() },
  { additionalProperties: true },
)
export const ObjectionListResponse = Type.Object(
  { items: Type.Array(ObjectionView) },
  { additionalProperties: false },
)
