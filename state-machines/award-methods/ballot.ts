// The ballot contract every award method (定标方法, REGULATIONS §5.2) shares: what a member marks, by the
// shape the method declares. Pure data; each method validates the shape it declares (method files), the
// machine seals a ballot behind a commitment until its round closes (award-methods/ballot-commitment.ts).

/** The shape of a method's ballot. `none`: the method decides without ballots (price, lottery). */
export const BALLOT_SHAPES = ['single', 'pairwise', 'points', 'opinions', 'none'] as const
export type BallotShape = (typeof BALLOT_SHAPES)[number]

/** One pair of candidates and the one the member prefers (一对一比较). `a` < `b` in the round's order. */
export interface PairChoice {
  readonly a: string
  readonly b: string
  readonly preferred: string
}

/** Points given to one candidate (累积投票): a whole number ≥ 0. */
export interface PointsGiven {
  readonly bidId: string
  readonly points: number
}

/** A member's written opinion on one candidate (集体议事). */
export interface CandidateOpinion {
  readonly bidId: string
  readonly opinion: string
}

/** What a member marks on a ballot. */
export type BallotChoice =
  /** One candidate (simple majority, round elimination, the vote of vote-then-lottery). */
  | { readonly shape: 'single'; readonly candidateBidId: string }
  /** One choice for every pair of the round's candidates, each pair exactly once. */
  | { readonly shape: 'pairwise'; readonly pairs: readonly PairChoice[] }
  /** Points over the round's candidates that add up to exactly the declared total. */
  | { readonly shape: 'points'; readonly points: readonly PointsGiven[] }
  /** An opinion on every candidate and the one the member recommends; the chair decides after. */
  | {
      readonly shape: 'opinions'
      readonly opinions: readonly CandidateOpinion[]
      readonly preferredBidId: string
    }

/**
 * A ballot as the tally sees it, once its round is closed and it is revealed. `reason` is the member's
 * 择优 reasons or 比劣 defects: every ballot carries them (required, non-blank).
 */
export interface RevealedBallot {
  readonly round: number
  readonly memberId: string
  readonly choice: BallotChoice
  readonly reason: string
}

/** Why a ballot is refused: the field (a path into the choice) and what it must be. */
export interface BallotProblem {
  readonly field: string
  readonly expected: string
}
