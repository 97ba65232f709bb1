// The tender machine's context: everything its guards need, built from the TENDER_CREATED input.
import type { Ballot } from './award-methods/award-method.ts'
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
  readonly round: number
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
    round: 0,
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

/** A tender is held while suspended or while an objection awaits its answer (条例 Art 22, 54). */
export function isHeld(context: Pick<TenderContext, 'suspended' | 'pendingObjections'>): boolean {
  return context.suspended || context.pendingObjections.length > 0
}

/** Bids that opened and were not rejected by the committee. */
export function validBidIds(context: Pick<TenderContext, 'openedBids' | 'rejectedBids'>): string[] {
  const rejected = new Set(context.rejectedBids.map((bid) => bid.bidId))
  return context.openedBids
    .filter((bid) => bid.outcome === 'opened' && !rejected.has(bid.bidId))
    .map((bid) => bid.bidId)
}
