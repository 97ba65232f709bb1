// National bidding-law rules (招标投标法 2017, 实施条例 2019): the default pack. Calendar days (日).
// Sources and confidence tags follow domain/REGULATIONS.md §3 and §4–5.
import type { CitedLimit, CitedRule, RulePack, TieBreakRule } from '../../../state-machines/rule-pack.ts'

/**
 * The award meeting's quorum: no national text sets one (REGULATIONS §5.1 lists it among the local
 * parameters), so it follows the local rule as reported: all drawn members present, or replaced by a
 * fresh draw, absences recorded. Until replacement draws exist a recusal (回避) is accepted only while
 * the checked-in members still number `value`; draw a larger committee to allow for one.
 */
export function awardQuorumAt(value: number, practice: string): CitedLimit {
  return {
    value,
    source:
      `Local 评定分离 practice (REGULATIONS §5.1 "Quorum: all drawn members present, or replacement by a ` +
      `fresh draw; absences recorded"): every drawn member checks in or recuses before a round opens, the ` +
      `chair among those checked in, and at least ${value} checked-in members vote (${practice}). Unverified`,
    confidence: 'U',
  }
}

/** The tie-break after the last re-vote; no national text sets one, so it is local practice. */
export const LOWEST_PRICE_TIE_BREAK: CitedRule<TieBreakRule> = {
  value: 'lowestBidPrice',
  source:
    'Local 评定分离 practice, declared in the tender documents (REGULATIONS §5.2 "re-vote up to k times, ' +
    'then TB"; the bid price is an award factor, §5.3): among the candidates still tied, the lowest ' +
    'declared price as frozen in the dossiers wins; an exact price tie fails the award (重新招标). Unverified',
  confidence: 'U',
}

export const cnNationalBidding: RulePack = {
  id: 'cn-national-bidding',
  version: '1.0.0',
  name: '全国 招标投标法 (national bidding law)',
  jurisdiction: 'CN',
  regime: 'bidding-law',
  dayCounting: 'calendar',
  limits: {
    minBidDays: {
      value: 20,
      source: '招标投标法 Art 24: ≥20 days from document issue to the bid deadline',
      confidence: 'V',
    },
    amendmentLeadDays: {
      value: 15,
      source: '招标投标法 Art 23; 实施条例 Art 21: amendments ≥15 days before the deadline, else extend',
      confidence: 'V',
    },
    objectionLeadDays: {
      value: 10,
      source: '实施条例 Art 22: objections to the tender documents ≥10 days before the deadline',
      confidence: 'V',
    },
    minBids: {
      value: 3,
      source: '招标投标法 Art 28; 实施条例 Art 44: fewer than 3 bidders → re-tender',
      confidence: 'V',
    },
    minValidBids: {
      value: 3,
      source: '评标委员会和评标方法暂行规定 Art 27: fewer than 3 valid bids → competition insufficient',
      confidence: 'S',
    },
    candidatePublicityDays: {
      value: 3,
      source: '实施条例 Art 54: candidates published for ≥3 days',
      confidence: 'V',
    },
    resultPublicityDays: {
      value: 3,
      source: 'Local 评定分离 practice (result publicity with reasons); no national period. Unverified',
      confidence: 'U',
    },
    contractDays: {
      value: 30,
      source: '招标投标法 Art 46: contract within 30 days of the award notice',
      confidence: 'V',
    },
  },
  evaluationCommittee: {
    minSize: { value: 5, source: '招标投标法 Art 37: 5 or more members, an odd number', confidence: 'V' },
    odd: true,
    minExpertShare: {
      numerator: 2,
      denominator: 3,
      source:
        '招标投标法 Art 37: 技术、经济等方面的专家不得少于成员总数的三分之二 (experts ≥ 2/3 of the members)',
      confidence: 'V',
    },
  },
  candidates: {
    min: { value: 1, source: '评标委员会和评标方法暂行规定 Art 45: 1–3 candidates', confidence: 'S' },
    max: { value: 3, source: '实施条例 Art 53: at most 3 candidates, ranked', confidence: 'V' },
    ranked: true,
  },
  awardCommittee: {
    minSize: {
      value: 5,
      source: 'Local 评定分离 practice: an odd number, ≥5 or ≥7 (REGULATIONS §5.1). Unverified',
      confidence: 'U',
    },
    odd: true,
  },
  awardQuorum: awardQuorumAt(5, 'the smallest committee this pack allows'),
  evaluationMethods: ['comprehensive', 'qualitative', 'lowestEvaluatedPrice'],
  // Lottery (抽签) is banned nationally since 2022-09-01 (发改法规规〔2022〕1117号 §(二)).
  awardMethods: [
    'simpleMajority',
    'pairwise',
    'roundElimination',
    'cumulative',
    'collectiveDeliberation',
    'priceCompetition',
  ],
  lotteryAllowed: false,
  maxRevotes: {
    value: 2,
    source:
      'Local 评定分离 practice (REGULATIONS §5.2 "up to k times, then TB"): local texts set k. Unverified',
    confidence: 'U',
  },
  tieBreak: LOWEST_PRICE_TIE_BREAK,
  // Credit (REGULATIONS §6.1): only a bidding ban is a statutory bar in this regime; the rest is shown to
  // the committees. Never a refusal on a name match: every finding is bound to the bidder's USCC.
  credit: {
    lists: {
      biddingBan: {
        value: 'refuse',
        source:
          '实施条例 Art 67–68: a bidder banned from must-tender projects (1–2 years for collusion, 1–3 for fraud) may not bid while the ban runs',
        confidence: 'V',
      },
      judgmentDefaulter: {
        value: 'flag',
        source:
          '失信被执行人: joint-punishment restrictions on bidding (法〔2016〕285号) unverified; flagged for the committees',
        confidence: 'U',
      },
      seriousDishonesty: {
        value: 'flag',
        source:
          '严重失信主体名单 (信用中国, 1117号 §(二十)): which measures bar bidding is unverified; flagged for the committees',
        confidence: 'U',
      },
      majorTaxViolation: {
        value: 'flag',
        source:
          '重大税收违法失信主体: refusal is a GP rule (REGULATIONS §6.1); in a bidding-law tender flagged. Unverified',
        confidence: 'U',
      },
      gpSeriousViolation: {
        value: 'flag',
        source:
          '政府采购严重违法失信名单 bars GP bids (政府采购法 Art 77); in a bidding-law tender flagged. Unverified',
        confidence: 'U',
      },
    },
    penalties: {
      value: 'flag',
      source:
        '行政处罚 reach the trading platform (1117号 §(二十)) as a 定标 factor (REGULATIONS §6.1), not a refusal ground',
      confidence: 'S',
    },
    penaltyYears: {
      value: 3,
      source: 'Penalties of the last 3 years shown to the committees: typical local practice. Unverified',
      confidence: 'U',
    },
    unavailable: {
      value: 'flag',
      source:
        "A failed query is no evidence either way (财库〔2016〕125号 evidence rules, as described): recorded, flagged and re-checked at opening; an outage is not the bidder's fault. Unverified",
      confidence: 'U',
    },
    cutoff: {
      value: 'bidDeadline',
      source:
        '财库〔2016〕125号 (as described): the documents state the cut-off; the bid deadline is the usual one. Unverified for bidding-law tenders',
      confidence: 'U',
    },
  },
}
