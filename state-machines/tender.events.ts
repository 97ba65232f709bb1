// Every event the tender machine accepts. The command pipeline stamps `at` (server time, UTC ISO-8601)
// before the machine sees an event, so guards compare times from the event and replay is deterministic.
import type { AwardDeclaration } from './award-methods/declaration.ts'
import type { AwardMethod, EvaluationMethod, RulePack } from './rule-pack.ts'

interface Stamped {
  /** Server time the command was accepted, UTC ISO-8601. */
  readonly at: string
}

/** The editable particulars of a tender (draft only; frozen at PUBLISH). */
export interface TenderParticulars {
  readonly title: string
  readonly reference: string
  readonly description: string
  readonly category: 'works' | 'goods' | 'services'
  /** Estimated contract value in fen (分), as a decimal string. */
  readonly estimatedValueFen: string
  /** Ceiling price (最高投标限价) in fen, as a decimal string, if any. */
  readonly ceilingPriceFen: string | null
}

export type ObjectionStage = 'documents' | 'opening' | 'candidates' | 'result'

export type BidOpeningOutcome = 'opened' | 'decryptFailedBidder' | 'decryptFailedOther' | 'invalid'

export interface OpenedBid {
  readonly bidId: string
  readonly bidderOrgId: string
  readonly outcome: BidOpeningOutcome
  /** Declared price in fen (decimal string) when opened. */
  readonly priceFen: string | null
}

/** A verifiable random draw (DESIGN §6): the pool, the revealed secret and the seed it gave. */
export interface DrawProof {
  readonly pool: readonly string[]
  readonly secretCommitment: string
  readonly secret: string
  readonly seed: string
}

/** Votes per candidate still in the vote, in the order of the round's candidates. */
export interface RoundTally {
  readonly bidId: string
  readonly votes: number
}

/**
 * Who moved the meeting on (a re-vote, the decision, its failure): the committee's chair or the
 * purchaser. The actor is in the event's meta; this says in which capacity. Absent in older histories.
 */
export const AWARD_DECIDERS = ['chair', 'purchaser'] as const
export type AwardDecider = (typeof AWARD_DECIDERS)[number]

/** Texts (questions, answers, objections) live in their own tables; `contentHash` (SHA-256 of the text)
 * binds each one to the chained event, so an auditor can check the table against the history. */
export type TenderEvent =
  | ({ type: 'EDIT'; changes: Partial<TenderParticulars> } & Stamped)
  | ({
      type: 'PUBLISH'
      rulePack: RulePack
      deadline: string
      evaluationMethod: EvaluationMethod
      awardMethod: AwardMethod
      /** 定标要素: the factors the award committee will weigh, declared in advance. */
      awardFactors: readonly string[]
      /**
       * 定标办法: the stages with their parameters and the tie-break policy. Absent in histories from
       * before declarations: the fold reads the implied one (award-methods/implied-declaration.ts).
       */
      award?: AwardDeclaration
    } & Stamped)
  | ({ type: 'QUESTION_ASKED'; questionId: string; contentHash?: string } & Stamped)
  | ({ type: 'QUESTION_ANSWERED'; questionId: string; contentHash?: string } & Stamped)
  | ({ type: 'AMEND'; amendmentId: string; summary: string; newDeadline: string | null } & Stamped)
  | ({ type: 'EXTEND_DEADLINE'; newDeadline: string; reason: string } & Stamped)
  | ({ type: 'OBJECTION_RAISED'; objectionId: string; stage: ObjectionStage; contentHash?: string } & Stamped)
  | ({ type: 'OBJECTION_ANSWERED'; objectionId: string; upheld: boolean; contentHash?: string } & Stamped)
  | ({ type: 'SUSPEND'; reason: string } & Stamped)
  | ({ type: 'RESUME'; reason: string } & Stamped)
  | ({ type: 'CLOSE_BIDDING'; bidCount: number; bidSetHash: string } & Stamped)
  | ({
      type: 'OPEN'
      bids: readonly OpenedBid[]
      /** The bid-set hash of the bids opened, recomputed from their recorded ciphertext hashes. */
      bidSetHash: string
    } & Stamped)
  | ({ type: 'DRAW_EXPERTS'; members: readonly string[]; draw: DrawProof } & Stamped)
  | ({ type: 'DECLARE_NO_CONFLICT'; expertId: string; statement?: string | null } & Stamped)
  | ({
      type: 'SUBMIT_SCORES'
      expertId: string
      scores: readonly { bidId: string; score: number; comment: string }[]
    } & Stamped)
  | ({ type: 'REJECT_BID'; expertId: string; bidId: string; ground: string } & Stamped) // 否决投标
  | ({
      type: 'SUBMIT_REPORT'
      expertId: string
      /** 定标候选人 as bid ids; empty means every bid failed (→ 流标). */
      candidates: readonly string[]
      summary: string
      dissent: readonly { expertId: string; opinion: string }[]
    } & Stamped)
  | ({ type: 'END_PUBLICITY' } & Stamped)
  | ({ type: 'FORM_AWARD_COMMITTEE'; members: readonly string[]; chairId: string; draw: DrawProof } & Stamped)
  | ({ type: 'FREEZE_DOSSIERS'; dossierHash: string } & Stamped)
  /** 签到: a drawn member is present and declares no conflict of interest with any candidate. */
  | ({ type: 'CHECK_IN'; memberId: string; statement: string } & Stamped)
  /** 回避: a drawn member withdraws from the vote, with the reason (a replacement draw comes later). */
  | ({ type: 'RECUSE'; memberId: string; reason: string } & Stamped)
  /** The chair (组长) opens the current round: from here its checked-in members vote. */
  | ({ type: 'OPEN_ROUND'; round: number; chairId: string } & Stamped)
  | ({ type: 'CAST_BALLOT'; memberId: string; candidateBidId: string; reason: string } & Stamped)
  /** The chair closes the round once every voting member has voted; its tally is revealed here. */
  | ({ type: 'CLOSE_ROUND'; round: number; chairId: string; tally: readonly RoundTally[] } & Stamped)
  | ({ type: 'START_REVOTE'; by?: AwardDecider } & Stamped)
  | ({ type: 'DECIDE'; winnerBidId: string; reasons: string; by?: AwardDecider } & Stamped)
  /** 定标失败: the tie outlasted the re-votes and the declared tie-break; the purchaser re-tenders. */
  | ({ type: 'FAIL_AWARD'; by?: AwardDecider } & Stamped)
  | ({ type: 'ISSUE_AWARD_NOTICE'; noticeId: string } & Stamped)
  | ({ type: 'WINNER_DECLINED'; reason: string } & Stamped)
  | ({ type: 'CONTRACT_SIGNED'; contractRef: string } & Stamped)
  | ({ type: 'CANCEL'; reason: string } & Stamped) // 终止招标

export type TenderEventType = TenderEvent['type']

/** What the first event of a tender's stream (TENDER_CREATED) carries: the machine's input. */
export interface TenderInput {
  readonly tenderId: string
  readonly purchaserOrgId: string
  readonly createdAt: string
  readonly particulars: TenderParticulars
}
