// Request schemas of the tender routes (create, list, edit, publish, cancel, extend, suspend, resume).
import { Type } from 'typebox'
import { AWARD_METHODS, EVALUATION_METHODS } from '../../state-machines/rule-pack.ts'
import { Body, Fen, IsoDateTime } from '../http/schemas.ts'
import { AwardDeclarationBody } from './award-declaration.schemas.ts'

const text = (max: number, description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: max, description, examples: [example] })

const Category = Type.Union([Type.Literal('works'), Type.Literal('goods'), Type.Literal('services')], {
  description: 'works (工程), goods (货物) or services (服务)',
})

const particulars = {
  reference: text(64, "the purchaser's reference number", 'NHSZ-2026-018'),
  title: text(200, 'title', '南海区桂澜路市政道路改造工程施工'),
  description: Type.String({
    maxLength: 20000,
    description: 'scope and requirements',
    examples: ['桂澜路（海八路至佛平路段）道路改造，全长2.3公里'],
  }),
  category: Category,
  estimatedValueFen: Fen('estimated contract value'),
  ceilingPriceFen: Type.Union([Fen('ceiling price (最高投标限价)'), Type.Null()]),
}

export const CreateTenderBody = Body(
  { ...particulars, ceilingPriceFen: Type.Optional(particulars.ceilingPriceFen) },
  { description: 'a new draft tender' },
)

export const EditTenderBody = Type.Object(
  {
    reference: Type.Optional(particulars.reference),
    title: Type.Optional(particulars.title),
    description: Type.Optional(particulars.description),
    category: Type.Optional(Category),
    estimatedValueFen: Type.Optional(particulars.estimatedValueFen),
    ceilingPriceFen: Type.Optional(particulars.ceilingPriceFen),
  },
  { additionalProperties: false, minProperties: 1, description: 'fields to change (draft only)' },
)

export const PublishBody = Body({
  deadline: IsoDateTime('bid deadline (投标截止时间)'),
  evaluationMethod: Type.Union(EVALUATION_METHODS.map((m) => Type.Literal(m))),
  awardMethod: Type.Union(AWARD_METHODS.map((m) => Type.Literal(m))),
  awardFactors: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    minItems: 1,
    maxItems: 50,
    description: '定标要素 declared in advance',
    examples: [['投标报价', '企业信用', '项目经理业绩', '履约评价']],
  }),
  rulePackId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, examples: ['cn-national-bidding'] })),
  award: Type.Optional(AwardDeclarationBody),
})

export const ReasonBody = Body({
  reason: text(2000, 'the reason, recorded in the history', '项目资金安排调整'),
})

export const ExtendDeadlineBody = Body({
  newDeadline: IsoDateTime('the new bid deadline'),
  reason: text(2000, 'the reason, recorded in the history', '澄清文件发布，顺延投标截止时间'),
})

export const ListTendersQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 32 })),
    mine: Type.Optional(Type.Boolean({ description: "only the caller's organisation's tenders" })),
    // Optional: the server fills in the defaults (Ajv useDefaults), so a bare GET answers the first page.
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'page size; 50 when absent' }),
    ),
    offset: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        default: 0,
        description: 'tenders to skip; 0 when absent',
      }),
    ),
  },
  { additionalProperties: false },
)
