// The contract every award method (定标方法, REGULATIONS §5.2) implements for the tender machine.
// Methods are pure functions over the ballots of the award meeting; the machine's guards call them.
import type { AwardMethod, TieBreakRule } from '../rule-pack.ts'

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
  /** The tie-break declared in the tender documents; null when none was (packs before tie-breaks). */
  readonly tieBreak: TieBreakRule | null
  /** Each candidate's declared price in fen, as opened and as its frozen dossier shows it. */
  readonly pricesFen: Readonly<Record<string, string | null>>
}

/** Where the award meeting stands, as the published method reads its ballots. */
export type MeetingOutcome =
  /** The current round still waits for these members' ballots. */
  | { readonly kind: 'voting'; readonly waitingFor: readonly string[] }
  /** The round is tied and a re-vote among `tied` may start. */
  | { readonly kind: 'revote'; readonly tied: readonly string[] }
  /** The method designates `winner`: by the votes, or by the tie-break among `tied` once re-votes are spent. */
  | {
      readonly kind: 'decided'
      readonly winner: string
      readonly by: 'votes' | TieBreakRule
      readonly tied: readonly string[]
    }
  /** Re-votes are spent and the tie-break (or its absence) leaves `tied`: the award fails (重新招标). */
  | { readonly kind: 'deadlocked'; readonly tied: readonly string[]; readonly by: TieBreakRule | null }
  /** The method is not implemented: nothing can be designated. */
  | { readonly kind: 'undecidable' }

export interface AwardMethodRules {
  readonly method: AwardMethod
  /** False until the method is implemented; such a method never designates a winner. */
  readonly implemented: boolean
  outcome(meeting: AwardRound): MeetingOutcome
}

/** The candidates of the next re-vote, or null when no re-vote may start now. */
export function revoteCandidates(outcome: MeetingOutcome): readonly string[] | null {
  return outcome.kind === 'revote' ? outcome.tied : null
}

/** The winner the meeting's result designates, or null (the DECIDE guard). */
export function designatedWinner(outcome: MeetingOutcome): string | null {
  return outcome.kind === 'decided' ? outcome.winner : null
}
