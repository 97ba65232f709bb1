// The rule pack as the API answers it: the very object PUBLISH copies into a tender, every limit with
// the text it comes from.
import { type Static, type TSchema, Type } from 'typebox'
import {
  AWARD_METHODS,
  CREDIT_LISTS,
  EVALUATION_METHODS,
  type RulePack,
  TIE_BREAK_RULES,
} from '../../state-machines/rule-pack.ts'
import { RULE_PACK_IDS } from './rule-packs.ts'

const Confidence = Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')], {
  description: 'V verified against the text, S secondary source, U unverified',
})
const DayCounting = Type.Union([Type.Literal('calendar'), Type.Literal('working')])
const literals = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })

const CitedLimit = Type.Object({
  value: Type.Integer(),
  source: Type.String({ description: 'the rule the limit comes from' }),
  confidence: Confidence,
  counting: Type.Optional(DayCounting),
})
const CitedRule = (values: readonly string[]) =>
  Type.Object({ value: literals(values), source: Type.String(), confidence: Confidence })

const Consequence = CitedRule(['refuse', 'flag'])
const CreditPolicy = Type.Object({
  lists: Type.Object(Object.fromEntries(CREDIT_LISTS.map((list) => [list, Consequence] as const))),
  penalties: Consequence,
  penaltyYears: CitedLimit,
  unavailable: Consequence,
  cutoff: CitedRule(['bidDeadline', 'submission']),
})

const LIMIT_NAMES = [
  'minBidDays',
  'amendmentLeadDays',
  'objectionLeadDays',
  'minBids',
  'minValidBids',
  'candidatePublicityDays',
  'resultPublicityDays',
  'contractDays',
] as const satisfies readonly (keyof RulePack['limits'])[]

const Committee = Type.Object({ minSize: CitedLimit, odd: Type.Boolean() })
const CitedShare = Type.Object({
  numerator: Type.Integer({ minimum: 0 }),
  denominator: Type.Integer({ minimum: 1 }),
  source: Type.String({ description: 'the rule the share comes from' }),
  confidence: Confidence,
})
const EvaluationCommittee = Type.Object({
  minSize: CitedLimit,
  odd: Type.Boolean(),
  minExpertShare: Type.Optional(CitedShare),
})

export const RulePackSchema = Type.Object(
  {
    id: Type.String({ examples: [RULE_PACK_IDS[0]] }),
    version: Type.String(),
    name: Type.String(),
    jurisdiction: Type.String(),
    regime: Type.Union([Type.Literal('bidding-law'), Type.Literal('government-procurement')]),
    dayCounting: DayCounting,
    limits: Type.Object(Object.fromEntries(LIMIT_NAMES.map((name) => [name, CitedLimit] as const))),
    evaluationCommittee: EvaluationCommittee,
    candidates: Type.Object({ min: CitedLimit, max: CitedLimit, ranked: Type.Boolean() }),
    awardCommittee: Committee,
    evaluationMethods: Type.Array(literals(EVALUATION_METHODS)),
    awardMethods: Type.Array(literals(AWARD_METHODS)),
    lotteryAllowed: Type.Boolean(),
    maxRevotes: Type.Union([CitedLimit, Type.Integer()], {
      description: 're-votes among the tied before the tie-break applies (a bare number in older packs)',
    }),
    tieBreak: Type.Optional(CitedRule(TIE_BREAK_RULES)),
    credit: Type.Optional(CreditPolicy),
    awardQuorum: Type.Optional(
      Type.Object(CitedLimit.properties, {
        description:
          "the award meeting's quorum: every drawn member checked in or recused, and at least this many checked in (absent in older packs)",
      }),
    ),
  },
  {
    // Open: a field a later pack version adds (e.g. a tie-break rule) is answered as it is, not dropped.
    additionalProperties: true,
    description: 'a rule pack, as PUBLISH copies it into the tender',
  },
) satisfies TSchema

/** Read-only all the way down, as the packs are: the routes' return type checks each pack fits the schema. */
type Frozen<T> = T extends readonly (infer U)[]
  ? readonly Frozen<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T
export type RulePackView = Frozen<Static<typeof RulePackSchema>>

export const RulePackParams = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9-]{1,64}$',
      description: 'rule pack id',
      examples: [RULE_PACK_IDS[0]],
    }),
  },
  { additionalProperties: false },
)
