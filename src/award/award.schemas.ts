// Request and response schemas of the award (定标) routes.
import { Type } from 'typebox'
import { Body } from '../http/schemas.ts'
import { ID_PATTERN } from '../shared/ids.ts'

const idField = (description: string, example: string) =>
  Type.String({ pattern: ID_PATTERN, description, examples: [example] })

const text = (max: number, description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description, examples: [example] })

export const FormCommitteeBody = Body({
  size: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 99,
      description: "committee size: odd and at least the rule pack's minimum (default: that minimum)",
      examples: [5],
    }),
  ),
  chairId: Type.Optional(
    idField(
      'user id of the chair; must be among the drawn members (default: the first drawn)',
      'usr_0123456789abcdef0123456789abcdef',
    ),
  ),
})

export const BallotBody = Body({
  candidateBidId: idField('the candidate (bid id) voted for', 'bid_0123456789abcdef0123456789abcdef'),
  reason: text(2000, 'why, recorded with the ballot', '报价合理，企业信用良好，类似业绩丰富'),
})

export const DecisionBody = Body({
  winnerBidId: idField(
    "the winning bid, as the committee's vote designates it",
    'bid_0123456789abcdef0123456789abcdef',
  ),
  reasons: text(
    5000,
    'the reasons of the decision (定标理由), published with the result',
    '经定标委员会票决，得票过半',
  ),
})

export const DeclineBody = Body({
  reason: text(2000, 'why the winner fell away', '中标人书面放弃中标'),
})

export const ContractBody = Body({
  contractRef: text(200, "the signed contract's reference", 'NHSZ-2026-018-HT01'),
})

export const DossiersSchema = Type.Object(
  {
    dossierHash: Type.String(),
    frozenAt: Type.Union([Type.String(), Type.Null()]),
    dossiers: Type.Array(Type.Object({ bidId: Type.String() }, { additionalProperties: true })),
  },
  {
    additionalProperties: true,
    description: 'the frozen candidate dossiers, recomputed and checked against their hash',
  },
)

const NextAwardStepSchema = Type.Object(
  {
    action: Type.Union(
      [
        'FORM_AWARD_COMMITTEE',
        'FREEZE_DOSSIERS',
        'CAST_BALLOT',
        'START_REVOTE',
        'DECIDE',
        'FAIL_AWARD',
        'CANCEL',
      ].map((action) => Type.Literal(action)),
    ),
    says: Type.String({ description: 'where the meeting stands and what to do, in plain words' }),
    winner: Type.Optional(Type.String({ description: 'DECIDE: the only bid the decision may name' })),
    tied: Type.Optional(Type.Array(Type.String())),
    waitingFor: Type.Optional(Type.Array(Type.String(), { description: 'members yet to vote' })),
    rule: Type.Optional(
      Type.String({ description: 'the deciding rule', examples: ['maxRevotes', 'tieBreak.lowestBidPrice'] }),
    ),
    limit: Type.Optional(Type.Integer()),
    source: Type.Optional(Type.String({ description: "the rule's source in the rule pack" })),
    confidence: Type.Optional(Type.String()),
  },
  {
    additionalProperties: false,
    description: "null outside 'awarding': what the award meeting needs next, and the rule that decides it",
  },
)

export const AwardMeetingSchema = Type.Object(
  {
    tenderId: Type.String(),
    state: Type.String(),
    round: Type.Integer(),
    committee: Type.Object({}, { additionalProperties: true }),
    rounds: Type.Array(Type.Object({ round: Type.Integer() }, { additionalProperties: true })),
    winnerBidId: Type.Union([Type.String(), Type.Null()]),
    next: Type.Union([NextAwardStepSchema, Type.Null()]),
  },
  {
    additionalProperties: true,
    description: 'the award meeting: committee, rounds (secret until complete), result, next step',
  },
)
