// What a signed record says, gathered from the tender's events up to the certified one: pure data, one
// shape per record type (a union on `type`), which a layout in templates/pdf turns into a PDF. Money is
// fen as a decimal string, times UTC ISO-8601; the renderer formats both.
import type { RecordType } from './record-kinds.ts'

/** The tender's identity, printed on every page. */
export interface TenderIdentity {
  readonly tenderId: string
  readonly title: string
  readonly reference: string
}

/** What the tender is about and who buys, from TENDER_CREATED / EDIT / PUBLISH. */
export interface TenderParticularsInput {
  readonly purchaserOrgId: string
  readonly purchaserName: string | null
  readonly category: string
  readonly estimatedValueFen: string
  readonly ceilingPriceFen: string | null
  readonly rulePack: { readonly id: string; readonly version: string; readonly name: string } | null
  readonly evaluationMethod: string | null
  readonly awardMethod: string | null
  readonly awardFactors: readonly string[]
  readonly deadline: string | null
  readonly publishedAt: string | null
}

/** A bidder organisation as the directory names it. */
export interface Party {
  readonly orgId: string
  readonly name: string | null
  readonly uscc: string | null
}

/** A person (expert or award member) by user id and display name. */
export interface Person {
  readonly userId: string
  readonly name: string | null
}

/** A verifiable random draw (DESIGN §6) as recorded in its event. */
export interface DrawInput {
  readonly seq: number
  readonly drawnAt: string
  readonly poolSize: number
  /** The eligible pool, sorted, as the seed covers it. */
  readonly pool: readonly string[]
  readonly secretCommitment: string
  readonly secret: string
  readonly seed: string
  /** The hash of the event before the draw: the seed's second input. */
  readonly streamHeadHash: string
}

interface RecordInputBase {
  readonly type: RecordType
  readonly tender: TenderIdentity
  readonly particulars: TenderParticularsInput
}

// ── 开标记录 ──────────────────────────────────────────────────────────────────────────────────────

export type OpeningOutcome = 'opened' | 'decryptFailedBidder' | 'decryptFailedOther' | 'invalid'

export interface OpenedBidInput {
  readonly bidId: string
  readonly bidder: Party
  readonly outcome: OpeningOutcome
  /** Why opening found the bid invalid or undecryptable, as recorded; null when none was given. */
  readonly reason: string | null
  readonly priceFen: string | null
  readonly submittedAt: string | null
  readonly ciphertextSha256: string | null
}

export interface OpeningRecordInput extends RecordInputBase {
  readonly type: 'opening_record'
  readonly closedAt: string | null
  readonly openedAt: string
  readonly bidCount: number | null
  /** The committed bid set (CLOSE_BIDDING): SHA-256 over the sealed bids' ciphertext hashes. */
  readonly bidSetHash: string | null
  readonly bids: readonly OpenedBidInput[]
}

// ── 评标报告 ──────────────────────────────────────────────────────────────────────────────────────

export interface DeclarationInput {
  readonly expert: Person
  readonly declaredAt: string
  readonly statement: string | null
}

export interface ScoreSummaryInput {
  readonly count: number
  /** Rounded half-up to 2 places, e.g. "87.35"; null with no scores. */
  readonly mean: string | null
  readonly min: string | null
  readonly max: string | null
}

export interface EvaluatedBidInput {
  readonly bidId: string
  readonly bidder: Party
  readonly outcome: OpeningOutcome
  readonly priceFen: string | null
  /** The committee's rejection (否决投标), if any. */
  readonly rejected: boolean
  /** Each expert's score in committee order (null where that expert gave none), as "87.50". */
  readonly scores: readonly (string | null)[]
  readonly summary: ScoreSummaryInput
}

export interface RejectionInput {
  readonly bidId: string
  readonly bidder: Party
  readonly ground: string
  readonly expert: Person
  readonly rejectedAt: string
}

export interface CandidateInput {
  /** 1-based rank when the rule pack ranks candidates, else null. */
  readonly rank: number | null
  readonly bidId: string
  readonly bidder: Party
  readonly priceFen: string | null
  readonly meanScore: string | null
}

export interface EvaluationReportInput extends RecordInputBase {
  readonly type: 'evaluation_report'
  readonly committee: readonly Person[]
  readonly draw: DrawInput | null
  readonly declarations: readonly DeclarationInput[]
  readonly bids: readonly EvaluatedBidInput[]
  readonly rejections: readonly RejectionInput[]
  readonly candidates: readonly CandidateInput[]
  readonly reportedAt: string
  readonly submittedBy: Person
  readonly summary: string
  readonly dissent: readonly { readonly expert: Person; readonly opinion: string }[]
}

// ── 定标报告 ──────────────────────────────────────────────────────────────────────────────────────

export interface BallotInput {
  readonly seq: number
  readonly castAt: string
  readonly member: Person
  readonly candidateBidId: string
  readonly reason: string
}

export interface RoundInput {
  /** Which vote of the award (a decline or an upheld objection starts a fresh one), from 1. */
  readonly vote: number
  readonly round: number
  /** When the chair opened and closed the round (OPEN_ROUND, CLOSE_ROUND); null before the sitting existed. */
  readonly openedAt: string | null
  readonly closedAt: string | null
  readonly activeCandidates: readonly string[]
  readonly ballots: readonly BallotInput[]
  readonly tally: readonly { readonly bidId: string; readonly votes: number }[]
}

/** What a stored credit snapshot said (DESIGN §7), as far as a record shows it. */
export interface CreditSnapshotSummary {
  readonly uscc: string
  readonly purpose: string
  /** clear / flag / refuse / unavailable under the tender's policy; null when not judged. */
  readonly outcome: string | null
  readonly complete: boolean
  readonly queriedAt: string
  readonly judgedAt: string
  readonly sha256: string
  /** Each finding's consequence and summary, e.g. "flag: 列入经营异常名录 …". */
  readonly findings: readonly { readonly consequence: string; readonly summary: string }[]
  /** Sources that did not answer (recorded as such, never as clean). */
  readonly unavailableSources: readonly string[]
}

/** A credit snapshot an event of the tender referred to by id (OPEN, FREEZE_DOSSIERS …). */
export interface CreditSnapshotRef {
  readonly snapshotId: string
  readonly seq: number
  readonly eventType: string
  /** The bid the snapshot was taken for, when the event says. */
  readonly bidId: string | null
  readonly bidder: Party | null
  /** Null when the snapshot is not in this installation's store. */
  readonly snapshot: CreditSnapshotSummary | null
}

/** A check-in with its declaration of no conflict (签到), or a recusal with its reason (回避). */
export interface AwardDeclarationInput {
  readonly member: Person
  readonly declaredAt: string
  readonly eventType: string
  /** The declaration (CHECK_IN) or the reason (RECUSE). */
  readonly statement: string | null
}

/** A drawn member's attendance at the decision: checked in, recused or absent (出席情况). */
export interface AwardAttendanceInput {
  readonly member: Person
  readonly chair: boolean
  readonly status: 'checkedIn' | 'recused' | 'absent'
  readonly at: string | null
}

export interface AwardReportInput extends RecordInputBase {
  readonly type: 'award_report'
  readonly maxRevotes: number | null
  readonly committeeMinSize: number | null
  readonly candidates: readonly CandidateInput[]
  readonly committee: readonly (Person & { readonly chair: boolean })[]
  readonly committeeFormedAt: string | null
  readonly draw: DrawInput | null
  readonly declarations: readonly AwardDeclarationInput[]
  /** Every drawn member's attendance; empty under a pack frozen before the sitting existed. */
  readonly attendance: readonly AwardAttendanceInput[]
  /** The quorum the pack declared (awardQuorum), or null (a pack frozen before it). */
  readonly quorum: { readonly value: number; readonly source: string } | null
  readonly dossierHash: string | null
  readonly dossiersFrozenAt: string | null
  readonly rounds: readonly RoundInput[]
  /** Re-votes among tied candidates (tie-break events), by when they started. */
  readonly revotes: readonly { readonly seq: number; readonly at: string }[]
  readonly declined: readonly { readonly bidId: string; readonly bidder: Party; readonly reason: string }[]
  readonly winner: { readonly bidId: string; readonly bidder: Party; readonly priceFen: string | null }
  readonly decidedAt: string
  readonly decidedBy: Person | null
  /** In which capacity: the committee's chair or the purchaser (null in histories before it was said). */
  readonly decidedAs: 'chair' | 'purchaser' | null
  /**
   * What designated the winner: the votes of the last round, or (re-votes spent, still tied) the
   * tie-break the tender declared at publication, with its citation and the candidates it separated.
   */
  readonly decisionBasis:
    | { readonly by: 'votes' }
    | {
        readonly by: 'tieBreak'
        readonly rule: string
        readonly source: string
        readonly tied: readonly string[]
      }
  readonly reasons: string
  readonly creditSnapshots: readonly CreditSnapshotRef[]
}

// ── 中标通知书 and 中标结果通知书 ─────────────────────────────────────────────────────────────────────

export interface AwardNoticeInput extends RecordInputBase {
  readonly type: 'award_notice'
  readonly recipient: Party
  readonly noticeId: string
  readonly bidId: string
  readonly priceFen: string | null
  readonly decidedAt: string
  readonly issuedAt: string
  readonly contractDueAt: string | null
}

export interface UnsuccessfulNoticeInput extends RecordInputBase {
  readonly type: 'unsuccessful_notice'
  readonly recipient: Party
  readonly noticeId: string
  /** The recipient's own bids in this tender and how each ended. */
  readonly ownBids: readonly {
    readonly bidId: string
    readonly priceFen: string | null
    readonly outcome: 'notSelected' | 'rejected' | 'declined' | OpeningOutcome
  }[]
  readonly winner: Party
  readonly winningPriceFen: string | null
  readonly decidedAt: string
  readonly issuedAt: string
}

// ── 回放证书 ──────────────────────────────────────────────────────────────────────────────────────

export interface ReplayCertificateInput extends RecordInputBase {
  readonly type: 'replay_certificate'
  readonly streamId: string
  readonly eventCount: number
  /** Each event type with its count, in the order the type first occurs. */
  readonly eventTypes: readonly { readonly type: string; readonly count: number }[]
  readonly firstAt: string | null
  readonly lastAt: string | null
  readonly genesisPrevHash: string | null
  readonly head: { readonly seq: number; readonly hash: string } | null
  readonly finalState: string | null
  readonly failureReason: string | null
  readonly cancelReason: string | null
  readonly chainOk: boolean
  readonly replayOk: boolean
  readonly replayProblem: string | null
  readonly draws: readonly { readonly seq: number; readonly type: string; readonly ok: boolean }[]
}

export type RecordInput =
  | OpeningRecordInput
  | EvaluationReportInput
  | AwardReportInput
  | AwardNoticeInput
  | UnsuccessfulNoticeInput
  | ReplayCertificateInput

/** The input type of one record type. */
export type RecordInputOf<T extends RecordType> = Extract<RecordInput, { type: T }>
