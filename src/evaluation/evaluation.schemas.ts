// Request and response schemas of the evaluation (评标) and publicity routes.
import { type TSchema, Type } from 'typebox'
import { Body, Id } from '../http/schemas.ts'

const text = (max: number, description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: max, description, examples: [example] })

const BID_ID_EXAMPLE = 'bid_3f2a9c1e5b7d4f60a8e2c4b6d8f0a1c3'
const EXPERT_ID_EXAMPLE = 'usr_9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e'

export const DrawCommitteeBody = Body(
  {
    size: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 99,
        description:
          'committee size: odd and at least the rule pack minimum (法 Art 37); default that minimum',
        examples: [5],
      }),
    ),
  },
  { description: 'draw the evaluation committee at random from the expert pool' },
)

export const DeclarationBody = Body({
  noConflict: Type.Literal(true, {
    description: 'I have no conflict of interest with any bidder (回避声明, 暂行规定 Art 12)',
    examples: [true],
  }),
  statement: Type.Optional(
    text(2000, 'an optional statement kept with the declaration', '本人与各投标人无利害关系'),
  ),
})

export const ScoresBody = Body({
  scores: Type.Array(
    Type.Object(
      {
        bidId: Id('an opened, valid bid'),
        score: Type.Number({
          minimum: 0,
          maximum: 100,
          multipleOf: 0.01,
          description: 'the score, 0–100 in steps of 0.01',
          examples: [87.5],
        }),
        comment: Type.String({
          maxLength: 2000,
          description: 'the reasons (评审意见)',
          examples: ['施工组织设计合理'],
        }),
      },
      { additionalProperties: false },
    ),
    {
      maxItems: 500,
      description: 'one score for every valid bid',
      examples: [[{ bidId: BID_ID_EXAMPLE, score: 87.5, comment: '施工组织设计合理' }]],
    },
  ),
})

export const RejectionBody = Body({
  bidId: Id('the opened bid to reject'),
  ground: text(2000, 'the ground (否决投标的理由, 条例 Art 51)', '投标报价高于最高投标限价'),
})

export const ReportBody = Body({
  candidates: Type.Array(Id('a candidate bid'), {
    maxItems: 20,
    uniqueItems: true,
    description: '定标候选人 as bid ids (in rank order when the rule pack ranks); empty when every bid fails',
    examples: [[BID_ID_EXAMPLE]],
  }),
  summary: text(
    20000,
    'the evaluation summary of the report (评标报告)',
    '经评审，推荐以下投标人为定标候选人',
  ),
  dissent: Type.Optional(
    Type.Array(
      Type.Object(
        {
          expertId: Id('the dissenting committee member'),
          opinion: text(4000, 'the dissenting opinion and its reasons', '对技术标评分有不同意见'),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, examples: [[{ expertId: EXPERT_ID_EXAMPLE, opinion: '对技术标评分有不同意见' }]] },
    ),
  ),
})

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Open = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: true, ...(description ? { description } : {}) })

const ScoreSummarySchema = Open(
  {
    count: Type.Integer(),
    mean: Nullable(Type.String({ description: 'rounded half-up to 2 places', examples: ['87.35'] })),
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
  },
  'the marks a bid received (shown to the purchaser only once the report stands)',
)

export const EvaluationViewSchema = Open(
  {
    tenderId: Type.String(),
    state: Type.String(),
    version: Type.Integer(),
    committee: Type.Array(
      Open({
        expertId: Type.String(),
        displayName: Nullable(Type.String()),
        you: Type.Boolean(),
        declared: Type.Boolean(),
        scored: Type.Boolean(),
      }),
    ),
    draw: Nullable(
      Open(
        {
          seq: Type.Integer(),
          drawnAt: Type.String(),
          members: Type.Array(Type.String()),
          pool: Type.Array(Type.String()),
          secretCommitment: Type.String(),
          secret: Type.String(),
          seed: Type.String(),
          streamHeadHash: Type.String(),
        },
        'the draw proof: verifyDraw(draw, draw.streamHeadHash, draw.members) re-runs it',
      ),
    ),
    declarations: Type.Array(
      Open({ expertId: Type.String(), declaredAt: Type.String(), statement: Nullable(Type.String()) }),
    ),
    bids: Type.Array(
      Open({
        bidId: Type.String(),
        bidderOrgId: Type.String(),
        bidderName: Nullable(Type.String()),
        outcome: Type.String(),
        priceFen: Nullable(Type.String()),
        rejected: Type.Boolean(),
        scores: Nullable(ScoreSummarySchema),
      }),
    ),
    rejections: Type.Array(Open({ bidId: Type.String(), ground: Type.String(), expertId: Type.String() })),
    candidates: Type.Array(
      Open({
        rank: Nullable(Type.Integer()),
        bidId: Type.String(),
        bidderOrgId: Nullable(Type.String()),
        bidderName: Nullable(Type.String()),
        priceFen: Nullable(Type.String()),
      }),
    ),
    reportedAt: Nullable(Type.String()),
    summary: Nullable(Type.String()),
    dissent: Type.Array(Open({ expertId: Type.String(), opinion: Type.String() })),
    publicityEndsAt: Nullable(Type.String()),
  },
  'the evaluation as the reader may see it (expert names only after the report, 法 Art 37)',
)
