// Request and response schemas of the question (答疑) and amendment (澄清/修改) routes.
import { Type } from 'typebox'
import { Body, Id, IsoDateTime, BoundedText as text } from '../http/schemas.ts'

export const QuestionParams = Type.Object(
  { id: Id('tender id'), qid: Id('question id') },
  { additionalProperties: false },
)
export const AmendmentParams = Type.Object(
  { id: Id('tender id'), aid: Id('amendment id') },
  { additionalProperties: false },
)

export const QuestionBody = Body({
  question: text(4000, 'the question (答疑)', '图纸第12页的路面结构层厚度与工程量清单不一致，以哪个为准？'),
})
export const AnswerBody = Body({
  answer: text(8000, 'the answer, published to every bidder', '以图纸为准，工程量清单随澄清文件更正。'),
})

export const AmendmentBody = Body({
  summary: text(8000, 'what the amendment (澄清/修改) changes', '更正工程量清单第3.2项沥青混凝土路面数量'),
  newDeadline: Type.Optional(
    IsoDateTime('a later bid deadline; required when the amendment is < 15 days before it'),
  ),
})

export const QuestionView = Type.Object(
  {
    id: Type.String(),
    question: Type.String(),
    answer: Type.Union([Type.String(), Type.Null()]),
    mine: Type.Boolean({ description: "asked by the caller's organisation" }),
  },
  {
    additionalProperties: true,
    description: 'a question without its asker (only the asker and oversight see askerOrgId)',
  },
)
export const QuestionListResponse = Type.Object(
  { items: Type.Array(QuestionView) },
  { additionalProperties: false },
)

export const AmendmentView = Type.Object(
  {
    amendmentId: Type.String(),
    seq: Type.Integer({ description: "the AMEND event's seq in the tender's history" }),
    recordedAt: IsoDateTime('when the amendment was recorded'),
    summary: Type.String({ description: 'what the amendment (澄清/修改) changes' }),
    newDeadline: Type.Union([IsoDateTime('the bid deadline it moved to'), Type.Null()]),
  },
  { additionalProperties: false },
)
export const AmendmentListResponse = Type.Object(
  { items: Type.Array(AmendmentView) },
  { additionalProperties: false },
)
