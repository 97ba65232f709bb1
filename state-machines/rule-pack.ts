// The shape of a rule pack: versioned, cited limits that the tender machine's guards read.
// Packs themselves are data in src/rules/packs; this file stays pure so the machines can import it.

/** Confidence of a limit's source, as in domain/REGULATIONS.md §0. */
export type Confidence = 'V' | 'S' | 'U'

/** A numeric rule with the text it comes from. */
export interface CitedLimit {
  readonly value: number
  readonly source: string
  readonly confidence: Confidence
  /**
   * Day limits only: overrides the pack's `dayCounting` for this one limit. Government procurement
   * mixes 日 (calendar: GPL Art 35, 46) with 工作日 (working days: Order 87 Art 69).
   */
  readonly counting?: DayCounting
}

/** A share of a whole (e.g. 2/3 of a committee) with the text it comes from. */
export interface CitedShare {
  readonly numerator: number
  readonly denominator: number
  readonly source: string
  readonly confidence: Confidence
}

/** The evaluation committee (评标委员会): its size, and the share of experts among its members. */
export interface EvaluationCommitteeRule {
  readonly minSize: CitedLimit
  readonly odd: boolean
  /**
   * Experts (技术、经济等方面的专家) among the members, at least (法 Art 37: 2/3). Absent in packs frozen
   * before it was cited: read it with `expertShareOf`.
   */
  readonly minExpertShare?: CitedShare
}

export const EVALUATION_METHODS = ['comprehensive', 'qualitative', 'lowestEvaluatedPrice'] as const
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number]

export const AWARD_METHODS = [
  'simpleMajority', // 票决法 / 简单多数法
  'pairwise', // 一对一比较法
  'roundElimination', // 逐轮淘汰
  'cumulative', // 累积投票法
  'collectiveDeliberation', // 集体议事法
  'priceCompetition', // 价格竞争定标法
  'lottery', // 直接抽签法: banned nationally since 2022-09-01 (发改法规规〔2022〕1117号)
] as const
export type AwardMethod = (typeof AWARD_METHODS)[number]

export type DayCounting = 'calendar' | 'working'

/** What settles a tie that outlasts the re-votes (REGULATIONS §5.2 "then TB"). */
export const TIE_BREAK_RULES = [
  // 最低投标价: the still-tied candidate with the lowest declared price (as in its frozen dossier) wins;
  // an exact price tie leaves the award undecidable, so it fails and the purchaser re-tenders (重新招标).
  'lowestBidPrice',
] as const
export type TieBreakRule = (typeof TIE_BREAK_RULES)[number]

/** The credit lists a bidder can be on (REGULATIONS §6.1). */
export const CREDIT_LISTS = [
  'seriousDishonesty', // 严重失信主体名单 (信用中国)
  'judgmentDefaulter', // 失信被执行人 (最高人民法院)
  'majorTaxViolation', // 重大税收违法失信主体 (税务总局)
  'gpSeriousViolation', // 政府采购严重违法失信行为记录名单 (中国政府采购网)
  'biddingBan', // 禁止投标: a decision under 实施条例 Art 67–68, with its end date
] as const
export type CreditList = (typeof CREDIT_LISTS)[number]

/** What a credit finding does to a bid at submission: refuse it, or flag it for both committees. */
export type CreditConsequence = 'refuse' | 'flag'

/** A non-numeric rule with the text it comes from. */
export interface CitedRule<T extends string> {
  readonly value: T
  readonly source: string
  readonly confidence: Confidence
}

/**
 * The credit check of a tender (DESIGN §7, REGULATIONS §6.1): what each finding does, and the cut-off
 * (查询截止时点) whose records count. The tender documents must state both (财库〔2016〕125号); PUBLISH
 * copies the pack, so the policy is declared in the tender from publication on.
 */
export interface CreditPolicy {
  /** A hit on each list, in force at the cut-off. */
  readonly lists: { readonly [L in CreditList]: CitedRule<CreditConsequence> }
  /** Administrative penalties (行政处罚) decided within `penaltyYears` before the cut-off. */
  readonly penalties: CitedRule<CreditConsequence>
  readonly penaltyYears: CitedLimit
  /** A source that gave no usable answer (unavailable, timed out, malformed, circuit open): never clean. */
  readonly unavailable: CitedRule<CreditConsequence>
  /** Whose records count: those in force at the bid deadline, or at the moment of each submission. */
  readonly cutoff: CitedRule<'bidDeadline' | 'submission'>
}

export interface RulePack {
  readonly id: string
  readonly version: string
  readonly name: string
  readonly jurisdiction: string
  readonly regime: 'bidding-law' | 'government-procurement'
  readonly dayCounting: DayCounting
  readonly limits: {
    /** Document issue → bid deadline (法 Art 24: ≥20 days). */
    readonly minBidDays: CitedLimit
    /** A material amendment must come this long before the deadline, else the deadline moves (法 Art 23). */
    readonly amendmentLeadDays: CitedLimit
    /** Objections to the documents must be raised this long before the deadline (条例 Art 22). */
    readonly objectionLeadDays: CitedLimit
    /** Fewer bids at the deadline → 流标 (法 Art 28). */
    readonly minBids: CitedLimit
    /** Fewer valid bids after opening → 流标. */
    readonly minValidBids: CitedLimit
    /** Candidate publicity length (条例 Art 54). */
    readonly candidatePublicityDays: CitedLimit
    /** Result publicity length (local 评定分离 practice). */
    readonly resultPublicityDays: CitedLimit
    /** Contract due after the award notice (法 Art 46). */
    readonly contractDays: CitedLimit
  }
  readonly evaluationCommittee: EvaluationCommitteeRule
  readonly candidates: { readonly min: CitedLimit; readonly max: CitedLimit; readonly ranked: boolean }
  readonly awardCommittee: { readonly minSize: CitedLimit; readonly odd: boolean }
  readonly evaluationMethods: readonly EvaluationMethod[]
  readonly awardMethods: readonly AwardMethod[]
  /** Whether a lottery may pick the winner; off unless a jurisdiction rule allows it. */
  readonly lotteryAllowed: boolean
  /**
   * How many re-votes among tied candidates before the tie-break applies. A bare number in packs frozen
   * before it was cited: read it with `revoteLimit`.
   */
  readonly maxRevotes: CitedLimit | number
  /**
   * The tie-break (TB) declared in the tender documents, applied after the last re-vote. Absent in packs
   * frozen before it existed: read it with `tieBreakOf`.
   */
  readonly tieBreak?: CitedRule<TieBreakRule>
  /** The credit policy; absent only in packs published before credit checks existed (nothing refused). */
  readonly credit?: CreditPolicy
  /**
   * The award meeting's quorum (定标会到会): a round opens only when every drawn member has checked in
   * (签到, declaring no conflict of interest) or recused (回避), the chair among those checked in, and at
   * least `value` members are checked in to vote (REGULATIONS §5.1 "all drawn members present, or
   * replacement by a fresh draw; absences recorded"). Absent in packs frozen before the meeting had
   * check-ins: read it with `awardQuorumOf` (null: ballots follow the frozen dossiers directly).
   */
  readonly awardQuorum?: CitedLimit
}

const UNCITED_REVOTES = 'the number of re-votes was not cited in packs published before tie-breaks'

/** The pack's re-vote limit with its source (a bare number in older packs gets a note saying so). */
export function revoteLimit(pack: RulePack | null): CitedLimit {
  const limit = pack?.maxRevotes ?? 0
  return typeof limit === 'number' ? { value: limit, source: UNCITED_REVOTES, confidence: 'U' } : limit
}

/**
 * The declared tie-break, or null. Packs frozen before tie-breaks existed declared none, and a rule the
 * tender documents did not declare may not decide: for them a tie that outlasts the re-votes fails the
 * award, as an exact tie under a declared rule does.
 */
export function tieBreakOf(pack: RulePack | null): CitedRule<TieBreakRule> | null {
  return pack?.tieBreak ?? null
}

/**
 * The award meeting's quorum, or null for packs frozen before it existed: their meetings keep the old
 * procedure (no check-in; a round opens with the frozen dossiers and closes with its last ballot).
 */
export function awardQuorumOf(pack: RulePack | null): CitedLimit | null {
  return pack?.awardQuorum ?? null
}

/** The pack's minimum share of experts on the evaluation committee; null in packs frozen before it. */
export function expertShareOf(pack: RulePack | null): CitedShare | null {
  return pack?.evaluationCommittee.minExpertShare ?? null
}

function expertShareProblems(share: CitedShare | undefined): string[] {
  if (share === undefined) return ['evaluationCommittee.minExpertShare is missing']
  const { numerator, denominator, source } = share
  const whole = Number.isInteger(numerator) && Number.isInteger(denominator)
  if (!whole || numerator < 0 || denominator < 1 || numerator > denominator || !source) {
    return ['evaluationCommittee.minExpertShare must be a fraction 0 ≤ n/d ≤ 1 with a source']
  }
  return []
}

/**
 * A quorum a committee of the pack's smallest size can meet. A pack without one publishes, so that
 * histories published before it existed still replay; every shipped pack declares one.
 */
function quorumProblems(pack: RulePack): string[] {
  const quorum = pack.awardQuorum
  if (quorum === undefined) return []
  const { value, source } = quorum
  if (!Number.isInteger(value) || value < 1 || value > pack.awardCommittee.minSize.value || !source) {
    return ['awardQuorum must be a whole number from 1 to awardCommittee.minSize, with a source']
  }
  return []
}

function tieRuleProblems(pack: RulePack): string[] {
  const problems: string[] = []
  const revotes = revoteLimit(pack)
  if (!Number.isInteger(revotes.value) || revotes.value < 0 || !revotes.source) {
    problems.push('maxRevotes must be a whole number ≥ 0 with a source')
  }
  const tieBreak = pack.tieBreak
  if (tieBreak !== undefined && (!TIE_BREAK_RULES.includes(tieBreak.value) || !tieBreak.source)) {
    problems.push(`tieBreak must be one of ${TIE_BREAK_RULES.join(', ')}, with a source`)
  }
  return problems
}

function creditPolicyProblems(policy: CreditPolicy): string[] {
  const problems: string[] = []
  type Checked = readonly [string, CitedRule<string> | undefined, readonly string[]]
  const rules: Checked[] = [
    ...CREDIT_LISTS.map(
      (list): Checked => [`credit.lists.${list}`, policy.lists?.[list], ['refuse', 'flag']],
    ),
    ['credit.penalties', policy.penalties, ['refuse', 'flag']],
    ['credit.unavailable', policy.unavailable, ['refuse', 'flag']],
    ['credit.cutoff', policy.cutoff, ['bidDeadline', 'submission']],
  ]
  for (const [name, rule, allowed] of rules) {
    if (!rule || !allowed.includes(rule.value)) problems.push(`${name} must be one of ${allowed.join(', ')}`)
    else if (!rule.source) problems.push(`${name} has no source`)
  }
  const years = policy.penaltyYears
  if (!years || !Number.isInteger(years.value) || years.value < 0 || !years.source) {
    problems.push('credit.penaltyYears must be a whole number ≥ 0 with a source')
  }
  return problems
}

/** Structural problems of a rule pack, empty when it is usable (the PUBLISH guard). */
export function rulePackProblems(pack: RulePack): string[] {
  const problems: string[] = []
  for (const [name, limit] of Object.entries(pack.limits)) {
    if (!Number.isInteger(limit.value) || limit.value < 0)
      problems.push(`limits.${name} must be a whole number ≥ 0`)
    if (!limit.source) problems.push(`limits.${name} has no source`)
  }
  if (pack.limits.minBids.value < 1) problems.push('limits.minBids must be ≥ 1')
  if (pack.evaluationCommittee.minSize.value < 1) problems.push('evaluationCommittee.minSize must be ≥ 1')
  problems.push(...expertShareProblems(pack.evaluationCommittee.minExpertShare))
  if (pack.awardCommittee.minSize.value < 1) problems.push('awardCommittee.minSize must be ≥ 1')
  problems.push(...quorumProblems(pack))
  if (pack.candidates.min.value < 1 || pack.candidates.max.value < pack.candidates.min.value) {
    problems.push('candidates: need 1 ≤ min ≤ max')
  }
  if (pack.evaluationMethods.length === 0) problems.push('evaluationMethods is empty')
  if (pack.awardMethods.length === 0) problems.push('awardMethods is empty')
  if (pack.awardMethods.includes('lottery') && !pack.lotteryAllowed) {
    problems.push('awardMethods lists lottery but lotteryAllowed is false')
  }
  problems.push(...tieRuleProblems(pack))
  if (pack.credit !== undefined) problems.push(...creditPolicyProblems(pack.credit))
  return problems
}
