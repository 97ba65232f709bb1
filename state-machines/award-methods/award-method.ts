// The contract every award method (定标方法, REGULATIONS §5.2) implements for the tender machine.
// Methods are pure functions over the ballots of the award meeting; the machine's guards call them.
import type { AwardMethod } from '../rule-pack.ts'

/** One member's secret ballot for one candidate in one round (票决). */
export interface Ballot {
  readonly round: number
  readonly memberId: string
  readonly candidateBidId: string
}

/** What a method sees of the award meeting. */
export interface AwardRound {
  /** The award committee (定标委员会). */
  readonly members: readonly string[]
  /** The current round, from 1. */
  readonly round: number
  /** Every ballot of every round so far. */
  readonly ballots: readonly Ballot[]
  /** The candidates still in the vote. */
  readonly activeCandidates: readonly string[]
  /** Re-votes allowed before the tie-break applies (rule pack). */
  readonly maxRevotes: number
}

export interface AwardMethodRules {
  readonly method: AwardMethod
  /** False until the method is implemented; such a method never designates a winner. */
  readonly implemented: boolean
  /** The candidates of the next re-vote, or null when no re-vote may start now. */
  revoteCandidates(meeting: AwardRound): readonly string[] | null
  /** Whether the meeting's result designates `winnerBidId` (the DECIDE guard). */
  designates(meeting: AwardRound, winnerBidId: string): boolean
}
