// Request and response schemas of the award (定标) routes.
import { Type } from 'typebox'
import { Body, Id } from '../http/schemas.ts'
import { ID_PATTERN } from '../shared/ids.ts'
import { NEXT_AWARD_ACTIONS, NEXT_AWARD_ACTORS } from './award-next-step.ts'
import { AwardReportSchema, CommitteeDrawSchema } from './award-view.schemas.ts'

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

export const CheckInBody = Body({
  statement: Type.Optional(
    text(
      2000,
      "the member's declaration of no conflict of interest with any candidate (default: the award view's checkInStatement)",
      '本人与本项目各定标候选人均不存在利害关系',
    ),
  ),
})

export const RecusalBody = Body({
  reason: text(2000, 'why the member recuses (回避), recorded in the award report', '本人曾在候选人单位任职'),
})

export const RoundParams = Type.Object(
  {
    id: Id('tender id'),
    round: Type.Integer({ minimum: 1, maximum: 99, description: 'the current round of the award meeting' }),
  },
  { additionalProperties: false },
)

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

const literalsOf = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)))
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

const NextAwardStepSchema = Type.Object(
  {
    action: literalsOf(NEXT_AWARD_ACTIONS),
    by: literalsOf(NEXT_AWARD_ACTORS),
    says: Type.String({ description: 'where the meeting stands and what to do, in plain words' }),
    winner: Type.Optional(Type.String({ description: 'DECIDE: the only bid the decision may name' })),
    tied: Type.Optional(Type.Array(Type.String())),
    waitingFor: Type.Optional(
      Type.Array(Type.String(), { description: 'members yet to vote, or (CHECK_IN) yet to check in' }),
    ),
    rule: Type.Optional(
      Type.String({
        description: 'the deciding rule',
        examples: ['awardQuorum', 'maxRevotes', 'tieBreak.lowestBidPrice'],
      }),
    ),
    limit: Type.Optional(Type.Integer()),
    source: Type.Optional(Type.String({ description: "the rule's source in the rule pack" })),
    confidence: Type.Optional(Type.String()),
  },
  {
    additionalProperties: false,
    description:
      "null outside 'awarding': what the award meeting needs next, from whom (by), and the rule that decides it",
  },
)

const RoundStatus = literalsOf(['pending', 'open', 'closed'])

const AttendanceSchema = Type.Object(
  {
    userId: Type.String(),
    displayName: nullable(Type.String()),
    chair: Type.Boolean(),
    status: literalsOf(['checkedIn', 'recused', 'absent']),
    at: nullable(Type.String({ description: 'when the member checked in or recused' })),
    statement: nullable(Type.String({ description: 'the declaration made at check-in' })),
    reason: nullable(Type.String({ description: 'why the member recused' })),
  },
  { additionalProperties: false },
)

const QuorumSchema = Type.Union([
  Type.Object(
    {
      rule: Type.Literal('awardQuorum'),
      limit: Type.Integer({ description: 'members checked in to vote, at least' }),
      source: Type.String(),
      confidence: Type.String(),
      checkedIn: Type.Integer(),
      recused: Type.Integer(),
      absent: Type.Integer(),
      met: Type.Boolean(),
      refusal: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
])

const RoundSchema = Type.Object(
  {
    round: Type.Integer(),
    status: RoundStatus,
    openedAt: nullable(Type.String()),
    closedAt: nullable(Type.String()),
    activeCandidates: Type.Array(Type.String()),
    votedBy: Type.Array(Type.String(), { description: 'who has voted, never what' }),
    complete: Type.Boolean({ description: 'every member present has voted' }),
    tally: Type.Union(
      [Type.Array(Type.Object({ bidId: Type.String(), votes: Type.Integer() })), Type.Null()],
      {
        description: 'null until the chair closes the round',
      },
    ),
    ballots: Type.Union([Type.Array(Type.Object({}, { additionalProperties: true })), Type.Null()], {
      description: 'each ballot with its reason; null until the chair closes the round',
    }),
  },
  { additionalProperties: false },
)

const ReceiptSchema = Type.Object(
  {
    round: Type.Integer(),
    seq: Type.Integer({ description: "the ballot's event in the tender's hash chain" }),
    hash: Type.String(),
    code: Type.String({ description: 'the receipt code: <seq>-<first 12 hex digits of the hash>' }),
    castAt: Type.String(),
  },
  { additionalProperties: false },
)

export const BallotResultSchema = Type.Object({ receipt: ReceiptSchema }, { additionalProperties: false })

const MeSchema = Type.Object(
  {
    userId: Type.String(),
    part: literalsOf(['chair', 'member', 'purchaser', 'oversight']),
    attendance: Type.Union([literalsOf(['checkedIn', 'recused', 'absent']), Type.Null()]),
    votedThisRound: Type.Union([Type.Boolean(), Type.Null()], {
      description: 'null for a reader who does not vote in this round',
    }),
    receipts: Type.Array(ReceiptSchema, { description: "the reader's ballots of the current vote" }),
    actions: Type.Array(Type.String(), {
      description: 'the meeting events the reader may send now (the machine would take them)',
    }),
  },
  { additionalProperties: false },
)

export const AwardMeetingSchema = Type.Object(
  {
    tenderId: Type.String(),
    state: Type.String(),
    round: Type.Integer(),
    roundStatus: RoundStatus,
    committee: Type.Object({}, { additionalProperties: true }),
    draw: CommitteeDrawSchema,
    awardReport: AwardReportSchema,
    checkInStatement: Type.String({
      description: 'the declaration of no conflict a check-in makes by default',
    }),
    attendance: Type.Array(AttendanceSchema),
    quorum: QuorumSchema,
    rounds: Type.Array(RoundSchema),
    winnerBidId: Type.Union([Type.String(), Type.Null()]),
    decidedBy: Type.Union([literalsOf(['chair', 'purchaser']), Type.Null()]),
    next: Type.Union([NextAwardStepSchema, Type.Null()]),
    allowedEvents: Type.Array(Type.String(), { description: "the tender machine's allowed events now" }),
    me: MeSchema,
  },
  {
    additionalProperties: true,
    description:
      'the award meeting: committee, attendance and quorum, rounds (secret until the chair closes each), result, next step',
  },
)

export const MeetingsQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
)

const MeetingSchema = Type.Object(
  {
    tenderId: Type.String(),
    reference: Type.String(),
    title: Type.String(),
    state: literalsOf(['awarding', 'resultPublicity']),
    version: Type.Integer(),
    part: literalsOf(['chair', 'member', 'purchaser', 'supervisor']),
    round: Type.Integer(),
    roundStatus: RoundStatus,
    attendance: Type.Union([literalsOf(['checkedIn', 'recused', 'absent']), Type.Null()]),
    votedThisRound: Type.Union([Type.Boolean(), Type.Null()]),
    next: Type.Union([
      Type.Object(
        { action: literalsOf(NEXT_AWARD_ACTIONS), by: literalsOf(NEXT_AWARD_ACTORS), says: Type.String() },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    winnerBidId: nullable(Type.String()),
    decidedAt: nullable(Type.String()),
    publicityEndsAt: nullable(Type.String()),
    updatedAt: Type.String(),
  },
  { additionalProperties: false },
)

export const MeetingsSchema = Type.Object(
  { items: Type.Array(MeetingSchema) },
  { additionalProperties: false, description: "the signed-in user's award meetings, latest first" },
)
