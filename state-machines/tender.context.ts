// The tender machine's context: everything its guards need, built from the TENDER_CREATED input.
import type { Ballot } from './award-methods/award-method.ts'
import type { AwardDeclaration } from './award-methods/declaration.ts'
import type { AwardMethod, EvaluationMethod, RulePack } from './rule-pack.ts'
import type { ObjectionStage, OpenedBid, TenderInput, TenderParticulars } from './tender.events.ts'

export type { Ballot } from './award-methods/award-method.ts'

export type FailureReason =
  | 'insufficientBids'
  | 'insufficientValidBids'
  | 'allBidsRejected'
  | 'noRemainingCandidates'
  | 'awardTied' // a tie neither the re-votes nor the declared tie-break could break

export interface PendingObjection {
  readonly objectionId: string
  readonly stage: ObjectionStage
}

export interface Question {
  readonly questionId: string
  readonly answered: boolean
}

export interface RejectedBid {
  readonly bidId: string
  readonly ground: string
  readonly expertId: string
}

export interface BidScore {
  readonly expertId: string
  readonly bidId: string
  readonly score: number
}

/** A drawn award member's attendance (签到 or 回避); a member with none is absent. */
export interface Attendance {
  readonly memberId: string
  readonly status: 'checkedIn' | 'recused'
  readonly at: string
}

/** The current round of the award meeting: not opened yet, open for ballots, or closed by the chair. */
export type RoundStatus = 'pending' | 'open' | 'closed'

export interface TenderContext {
  readonly tenderId: string
  readonly purchaserOrgId: string
  readonly createdAt: string
  readonly particulars: TenderParticulars
  // Frozen at PUBLISH.
  readonly rulePack: RulePack | null
  readonly publishedAt: string | null
  readonly deadline: string | null
  readonly evaluationMethod: EvaluationMethod | null
  readonly awardMethod: AwardMethod | null
  readonly awardFactors: readonly string[]
  /** The award as declared (定标办法): null before PUBLISH, or for a method it could not be implied for. */
  readonly awardDeclaration: AwardDeclaration | null
  // Bidding.
  readonly questions: readonly Question[]
  readonly amendmentIds: readonly string[]
  readonly pendingObjections: readonly PendingObjection[]
  readonly suspended: boolean
  readonly suspendReason: string | null
  readonly bidCount: number | null
  readonly bidSetHash: string | null
  // Opening and evaluation.
  readonly openedBids: readonly OpenedBid[]
  readonly expertCommittee: readonly string[]
  readonly declaredExperts: readonly string[]
  readonly rejectedBids: readonly RejectedBid[] // 否决投标
  readonly scoredExperts: readonly string[]
  readonly scores: readonly BidScore[]
  readonly candidates: readonly string[] // 定标候选人, in rank order when the pack ranks them
  readonly publicityEndsAt: string | null
  // Award (定标).
  readonly awardCommittee: readonly string[]
  readonly awardChairId: string | null
  readonly dossierHash: string | null
  /** Check-ins and recusals of the committee's members, one entry per member, latest status. */
  readonly attendance: readonly Attendance[]
  readonly round: number
  readonly roundStatus: RoundStatus
  readonly ballots: readonly Ballot[]
  readonly activeCandidates: readonly string[]
  readonly declinedBidIds: readonly string[]
  readonly winnerBidId: string | null
  readonly decidedAt: string | null
  // Award notice and contract.
  readonly noticeId: string | null
  readonly noticeIssuedAt: string | null
  readonly contractDueAt: string | null
  readonly contractRef: string | null
  readonly contractSignedLate: boolean
  // Ends.
  readonly failureReason: FailureReason | null
  readonly cancelReason: string | null
}

export function initialTenderContext(input: TenderInput): TenderContext {
  return {
    tenderId: input.tenderId,
    purchaserOrgId: input.purchaserOrgId,
    createdAt: input.createdAt,
    particulars: input.particulars,
    rulePack: null,
    publishedAt: null,
    deadline: null,
    evaluationMethod: null,
    awardMethod: null,
    awardFactors: [],
    awardDeclaration: null,
    questions: [],
    amendmentIds: [],
    pendingObjections: [],
    suspended: false,
    suspendReason: null,
    bidCount: null,
    bidSetHash: null,
    openedBids: [],
    expertCommittee: [],
    declaredExperts: [],
    rejectedBids: [],
    scoredExperts: [],
    scores: [],
    candidates: [],
    publicityEndsAt: null,
    awardCommittee: [],
    awardChairId: null,
    dossierHash: null,
    attendance: [],
    round: 0,
    roundStatus: 'pending',
    ballots: [],
    activeCandidates: [],
    declinedBidIds: [],
    winnerBidId: null,
    decidedAt: null,
    noticeId: null,
    noticeIssuedAt: null,
    contractDueAt: null,
    contractRef: null,
    contractSignedLate: false,
    failureReason: null,
    cancelReason: null,
  }
}

/** What holds a tender: a suspension (暂停), or an objection (异议) awaiting its answer. */
export type TenderHold =
  | { readonly kind: 'suspension' }
  | { readonly kind: 'objection'; readonly objectionId: string; readonly stage: ObjectionStage }

/**
 * What holds the tender, if anything (条例 Art 22, 54, 62). Art 22 says that before the answer to an
 * objection to the documents the tenderee "应当暂停招标投标活动": it pauses the tendering AND bidding
 * activity, not only the tenderee's next steps. So a hold stops both the machine's progress events
 * (CLOSE_BIDDING, OPEN …, see EVENTS_ALLOWED_WHILE_HELD) and every bid change: submission, replacement
 * and withdrawal (法 Art 29 makes all three bidding acts), which must not act on documents whose answer
 * is still owed. The deadline does not move by itself: a hold past it closes bidding once lifted, unless
 * the tenderee extends the deadline before it (EXTEND_DEADLINE and AMEND are taken while held).
 */
export function holdOf(context: Pick<TenderContext, 'suspended' | 'pendingObjections'>): TenderHold | null {
  if (context.suspended) return { kind: 'suspension' }
  const [objection] = context.pendingObjections
  return objection ? { kind: 'objection', objectionId: objection.objectionId, stage: objection.stage } : null
}

/** A tender is held while suspended or while an objection awaits its answer (条例 Art 22, 54). */
export function isHeld(context: Pick<TenderContext, 'suspended' | 'pendingObjections'>): boolean {
  return holdOf(context) !== null
}

/** Bids that opened and were not rejected by the committee. */
export function validBidIds(context: Pick<TenderContext, 'openedBids' | 'rejectedBids'>): string[] {
  const rejected = new Set(context.rejectedBids.map((bid) => bid.bidId))
  return context.openedBids
    .filter((bid) => bid.outcome === 'opened' && !rejected.has(bid.bidId))
    .map((bid) => bid.bidId)
}
