// What a tender declares about its award at publish (定标办法, REGULATIONS §5.2): the method of each stage
// with its parameters, the ordered tie-break policy and, for a two-stage pipeline, how many candidates
// the first stage shortlists. PUBLISH freezes it in the chain; the meeting runs exactly this. Pure data.
import type { AwardMethod } from '../rule-pack.ts'

/** A price rule of price competition (价格竞争定标法) over the candidates' frozen (or second-round) prices. */
export type PriceRule =
  | { readonly kind: 'lowest' } // 最低投标价
  | { readonly kind: 'secondLowest' } // 次低价
  /** 平均值: nearest the mean; `trimmed` leaves out one highest and one lowest price when ≥ 5 candidates. */
  | { readonly kind: 'nearestMean'; readonly mean: 'arithmetic' | 'trimmed' }
  | { readonly kind: 'nthLowest'; readonly n: number } // 第N低价

/** 二次竞价: a window for new sealed prices, each at least `minDecrementFen` below the candidate's own. */
export interface SecondPriceRound {
  readonly windowMinutes: number
  readonly minDecrementFen: string
}

/** A method with its declared parameters. */
export type AwardMethodParameters =
  /** `plurality`: most votes; `absoluteMajority`: more than half of the voting members. */
  | { readonly method: 'simpleMajority'; readonly threshold: 'plurality' | 'absoluteMajority' }
  | { readonly method: 'pairwise' }
  /** The fewest votes leave each round, until one remains or one has more than half. */
  | { readonly method: 'roundElimination' }
  | { readonly method: 'cumulative'; readonly pointsPerMember: number }
  | { readonly method: 'collectiveDeliberation' }
  | {
      readonly method: 'priceCompetition'
      readonly rule: PriceRule
      readonly secondRound: SecondPriceRound | null
    }
  /** 直接抽签: only where the rule pack allows a lottery (nationally banned, 发改法规规〔2022〕1117号). */
  | { readonly method: 'lottery' }

/** One step of the tie-break policy, applied in order to candidates still tied. */
export type TieBreakStep =
  /** Re-vote among the tied, up to `times` times (voting methods only). */
  | { readonly rule: 'revote'; readonly times: number }
  | { readonly rule: 'lowerBidPrice' } // 投标报价低者
  | { readonly rule: 'higherEvaluationScore' } // 评标得分高者
  /** 组长决定: the chair names one of the tied, with reasons. */
  | { readonly rule: 'chairCastingVote' }
  /** A verifiable draw (src/draws) among the tied; only where the pack allows a lottery. */
  | { readonly rule: 'draw' }

export type TieBreakRuleName = TieBreakStep['rule']

/** One stage of the award: its method and, for every stage but the last, how many it shortlists (入围). */
export interface AwardStage {
  readonly parameters: AwardMethodParameters
  /** How many candidates go on to the next stage; null on the last stage (it names the winner). */
  readonly shortlist: number | null
}

/** The award as declared: one stage, or a pipeline of two (e.g. vote three into a shortlist, then price). */
export interface AwardDeclaration {
  readonly stages: readonly AwardStage[]
  readonly tieBreaks: readonly TieBreakStep[]
}

/** The method of a stage. */
export const methodOf = (stage: AwardStage): AwardMethod => stage.parameters.method
