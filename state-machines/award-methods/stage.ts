// The contract of one award stage's method: a pure function from what the stage has seen (its closed
// rounds, revealed ballots, frozen prices and scores, declared parameters) to its next step. The machine
// opens the rounds it asks for, seals and reveals the ballots, and records the step's result; the method
// never sees an open round. One file per method in this folder; tie-break-policy.ts settles ties.
import type { BallotChoice, BallotProblem, BallotShape, RevealedBallot } from './ballot.ts'
import type { AwardMethodParameters, TieBreakStep } from './declaration.ts'

/** A closed round of the stage: the candidates it was voted among and its revealed ballots. */
export interface ClosedRound {
  readonly round: number
  readonly candidates: readonly string[]
  readonly ballots: readonly RevealedBallot[]
  /** Why this round was held: the stage's first vote, a re-vote among the tied, or the next elimination. */
  readonly purpose: RoundPurpose
}

export type RoundPurpose = 'vote' | 'revote' | 'elimination'

/** What a method sees of its stage. Rounds are numbered from 1 within the stage. */
export interface StageView {
  readonly parameters: AwardMethodParameters
  /** The members who vote (checked in, not recused), in the committee's order. */
  readonly members: readonly string[]
  /** The stage's candidates in their frozen order (the evaluation's, or the previous stage's shortlist). */
  readonly candidates: readonly string[]
  /** How many this stage selects: 1 on the last stage, the shortlist size before it. */
  readonly select: number
  /** Every closed round of this stage, in order. */
  readonly rounds: readonly ClosedRound[]
  /** Each candidate's price in fen as a decimal string (the second price round's when one was held). */
  readonly pricesFen: Readonly<Record<string, string | null>>
  /** Whether the stage's second price round (二次竞价) has closed, so `pricesFen` holds its prices. */
  readonly priceRoundHeld: boolean
  /** Each candidate's evaluation score (the experts' mean, as a decimal string), null when not scored. */
  readonly scores: Readonly<Record<string, string | null>>
  /** The declared tie-break policy, in order. */
  readonly tieBreaks: readonly TieBreakStep[]
}

/** Which rule produced a selection. */
export type SelectedBy =
  | 'votes'
  | 'points'
  | 'pairwiseWins'
  | 'price'
  | 'chair'
  | 'draw'
  | TieBreakStep['rule']

/** What the stage needs next, or what it selected. */
export type StageStep =
  /** Open a round among `candidates` (the first vote, a re-vote, the next elimination round). */
  | { readonly kind: 'round'; readonly candidates: readonly string[]; readonly purpose: RoundPurpose }
  /** The stage selected `selected` (best first; length = `select`). */
  | {
      readonly kind: 'selected'
      readonly selected: readonly string[]
      readonly by: SelectedBy
      /** The candidates a tie-break chose among, empty when none applied. */
      readonly tied: readonly string[]
    }
  /**
   * The chair names `pick` of `among`, with reasons (collective deliberation, a casting vote); the
   * selection is `settled` followed by the chair's picks.
   */
  | {
      readonly kind: 'chair'
      readonly among: readonly string[]
      readonly pick: number
      readonly settled: readonly string[]
      readonly by: SelectedBy
    }
  /** A verifiable draw names `pick` of `among` (lottery, or the tie-break where allowed), after `settled`. */
  | {
      readonly kind: 'draw'
      readonly among: readonly string[]
      readonly pick: number
      readonly settled: readonly string[]
      readonly by: SelectedBy
    }
  /** Price competition's second price round must be held before the rule applies. */
  | { readonly kind: 'priceRound'; readonly candidates: readonly string[] }
  /** Nothing the declaration allows separates `tied`: the award fails (定标失败, re-tender), saying why. */
  | { readonly kind: 'deadlocked'; readonly tied: readonly string[]; readonly by: SelectedBy | null }

/** An award method's rules: its ballot shape, the check of one ballot, and the next step of a stage. */
export interface AwardMethodSpec {
  readonly method: AwardMethodParameters['method']
  readonly ballotShape: BallotShape
  /** The first problem of a ballot for a round among `candidates`, or null when it is valid. */
  validateBallot(view: StageView, candidates: readonly string[], choice: BallotChoice): BallotProblem | null
  /** The next step, from the closed rounds only. */
  step(view: StageView): StageStep
}
