// The public parts of the evaluation and the award, from the tender and its events (pure): the
// candidate publicity (中标候选人公示, 条例 Art 54: candidates, prices and scores once the report stands),
// the result (定标结果公示: the winner and, per closed round, the votes each candidate got — never who
// voted what, and no count of a round still open: ballot-secrecy.ts) and the award notice once issued.
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { RoundView } from '../award/ballots.ts'
import { foldEvaluationRecord, summariseScores } from '../evaluation/evaluation-record.ts'
import type { StoredEvent } from '../events/event-store.ts'

export interface PublicityPeriod {
  readonly startsAt: string | null
  readonly endsAt: string | null
  /** Objections may be raised now (the period is running). */
  readonly running: boolean
}

export interface PublicCandidate {
  readonly rank: number | null
  readonly bidId: string
  readonly bidderName: string | null
  readonly priceFen: string | null
  /** The mean of the experts' scores ("87.35"), or null. */
  readonly score: string | null
}

export interface CandidatePublicity {
  readonly candidates: readonly PublicCandidate[]
  readonly period: PublicityPeriod
}

type Names = ReadonlyMap<string, string>

function bidderOf(context: TenderContext, names: Names, bidId: string) {
  const bid = context.openedBids.find((b) => b.bidId === bidId)
  return {
    bidderName: bid ? (names.get(bid.bidderOrgId) ?? null) : null,
    priceFen: bid?.priceFen ?? null,
  }
}

/** The END_PUBLICITY that closed the publicity begun at event `afterSeq`. */
function endedAt(events: readonly StoredEvent[], afterSeq: number): string | null {
  return events.find((e) => e.seq > afterSeq && e.type === 'END_PUBLICITY')?.recordedAt ?? null
}

/** Null until the evaluation report names candidates (or after an upheld objection sent it back). */
export function candidatePublicity(
  state: string,
  context: TenderContext,
  events: readonly StoredEvent[],
  names: Names,
): CandidatePublicity | null {
  const { report } = foldEvaluationRecord(events)
  if (report === null || context.candidates.length === 0) return null
  const ranked = context.rulePack?.candidates.ranked ?? false
  const running = state === 'candidatePublicity'
  const candidates = context.candidates.map((bidId, index) => {
    const marks = context.scores.filter((s) => s.bidId === bidId).map((s) => s.score)
    return {
      rank: ranked ? index + 1 : null,
      bidId,
      ...bidderOf(context, names, bidId),
      score: summariseScores(marks).mean,
    }
  })
  const endsAt = running ? context.publicityEndsAt : endedAt(events, report.seq)
  return { candidates, period: { startsAt: report.submittedAt, endsAt, running } }
}

export interface PublicRound {
  readonly round: number
  readonly closedAt: string | null
  readonly votes: readonly { bidId: string; bidderName: string | null; votes: number }[]
}

export interface AwardResult {
  readonly winner: { bidId: string; bidderName: string | null; priceFen: string | null }
  readonly decidedAt: string
  readonly awardMethod: string | null
  readonly rounds: readonly PublicRound[]
  readonly period: PublicityPeriod
}

/** The closed rounds' counts per candidate; an open round (no tally) is left out, ballots never shown. */
export function publicRounds(rounds: readonly RoundView[], context: TenderContext, names: Names) {
  return rounds.flatMap((round): PublicRound[] =>
    round.tally === null
      ? []
      : [
          {
            round: round.round,
            closedAt: round.closedAt,
            votes: round.tally.map(({ bidId, votes }) => ({
              bidId,
              bidderName: bidderOf(context, names, bidId).bidderName,
              votes,
            })),
          },
        ],
  )
}

/** Null until the decision (DECIDE) names a winner. */
export function awardResult(
  state: string,
  context: TenderContext,
  rounds: readonly RoundView[],
  names: Names,
): AwardResult | null {
  const { winnerBidId, decidedAt } = context
  if (winnerBidId === null || decidedAt === null) return null
  const running = state === 'resultPublicity'
  return {
    winner: { bidId: winnerBidId, ...bidderOf(context, names, winnerBidId) },
    decidedAt,
    awardMethod: context.awardMethod,
    rounds: publicRounds(rounds, context, names),
    period: { startsAt: decidedAt, endsAt: context.publicityEndsAt, running },
  }
}

export interface AwardNotice {
  readonly noticeId: string
  readonly issuedAt: string
  readonly contractDueAt: string | null
  readonly winner: { bidId: string; bidderName: string | null; priceFen: string | null }
}

/** Null until the purchaser issues the award notice (中标通知书). */
export function awardNotice(context: TenderContext, names: Names): AwardNotice | null {
  const { noticeId, noticeIssuedAt, winnerBidId } = context
  if (noticeId === null || noticeIssuedAt === null || winnerBidId === null) return null
  return {
    noticeId,
    issuedAt: noticeIssuedAt,
    contractDueAt: context.contractDueAt,
    winner: { bidId: winnerBidId, ...bidderOf(context, names, winnerBidId) },
  }
}
