// The award declaration (定标办法) a purchaser publishes: each stage's method with its parameters, the
// shortlist between stages and the ordered tie-break policy (state-machines/award-methods/declaration.ts).
// The schema checks the shape; the machine checks the rules (pack, lottery ban, limits).
import { Type } from 'typebox'

const literal = <T extends string>(value: T) => Type.Literal(value)
const closed = { additionalProperties: false } as const
const digits = (description: string) => Type.String({ pattern: '^[0-9]{1,15}$', description })

const PriceRule = Type.Union(
  [
    Type.Object({ kind: literal('lowest') }, { ...closed, description: '最低投标价' }),
    Type.Object({ kind: literal('secondLowest') }, { ...closed, description: '次低价' }),
    Type.Object(
      { kind: literal('nearestMean'), mean: Type.Union([literal('arithmetic'), literal('trimmed')]) },
      {
        ...closed,
        description: '平均值: nearest the mean (trimmed: one highest and one lowest left out from 5 prices)',
      },
    ),
    Type.Object(
      { kind: literal('nthLowest'), n: Type.Integer({ minimum: 1, maximum: 50 }) },
      { ...closed, description: '第N低价' },
    ),
  ],
  { description: 'the price rule of price competition (价格竞争定标法)' },
)

const SecondPriceRound = Type.Object(
  {
    windowMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
    minDecrementFen: digits('each new price is at least this many fen below the candidate’s own'),
  },
  { ...closed, description: '二次竞价: new sealed prices within a window' },
)

const AwardMethodParameters = Type.Union([
  Type.Object(
    {
      method: literal('simpleMajority'),
      threshold: Type.Union([literal('plurality'), literal('absoluteMajority')]),
    },
    closed,
  ),
  Type.Object({ method: literal('pairwise') }, closed),
  Type.Object({ method: literal('roundElimination') }, closed),
  Type.Object(
    { method: literal('cumulative'), pointsPerMember: Type.Integer({ minimum: 1, maximum: 1000 }) },
    closed,
  ),
  Type.Object({ method: literal('collectiveDeliberation') }, closed),
  Type.Object(
    {
      method: literal('priceCompetition'),
      rule: PriceRule,
      secondRound: Type.Union([SecondPriceRound, Type.Null()]),
    },
    closed,
  ),
  Type.Object({ method: literal('lottery') }, closed),
])

const AwardStage = Type.Object(
  {
    parameters: AwardMethodParameters,
    shortlist: Type.Union([Type.Integer({ minimum: 1, maximum: 50 }), Type.Null()], {
      description: 'how many go on to the next stage (入围); null on the last stage',
    }),
  },
  closed,
)

const TieBreakStep = Type.Union([
  Type.Object({ rule: literal('revote'), times: Type.Integer({ minimum: 0, maximum: 20 }) }, closed),
  Type.Object({ rule: literal('lowerBidPrice') }, closed),
  Type.Object({ rule: literal('higherEvaluationScore') }, closed),
  Type.Object({ rule: literal('chairCastingVote') }, closed),
  Type.Object({ rule: literal('draw') }, closed),
])

export const AwardDeclarationBody = Type.Object(
  {
    stages: Type.Array(AwardStage, { minItems: 1, maxItems: 2 }),
    tieBreaks: Type.Array(TieBreakStep, { maxItems: 5, description: 'applied in order to a tie at the cut' }),
  },
  {
    ...closed,
    description:
      '定标办法: the stages (one, or a pipeline of two) and the ordered tie-break policy; absent: the method ' +
      'with its default parameters and the rule pack’s re-votes and tie-break',
    examples: [
      {
        stages: [
          { parameters: { method: 'simpleMajority', threshold: 'plurality' }, shortlist: 3 },
          {
            parameters: { method: 'priceCompetition', rule: { kind: 'lowest' }, secondRound: null },
            shortlist: null,
          },
        ],
        tieBreaks: [{ rule: 'revote', times: 2 }, { rule: 'lowerBidPrice' }, { rule: 'chairCastingVote' }],
      },
    ],
  },
)
