// Foshan 2020 评定分离 measures ("优企E选"). The measures themselves could not be obtained
// (REGULATIONS §8.3): the national bidding-law limits apply as published, and every local number here
// is unverified ('U'), a configurable typical value to confirm before production use.
import type { CitedLimit, RulePack } from '../../../state-machines/rule-pack.ts'
import { awardQuorumAt, cnNationalBidding, LOWEST_PRICE_TIE_BREAK } from './cn-national-bidding.ts'

const UNVERIFIED = 'Unverified: Foshan 2020 评定分离 measures not obtained (REGULATIONS §8.3)'

function local(value: number, practice: string): CitedLimit {
  return { value, source: `${UNVERIFIED}; ${practice}`, confidence: 'U' }
}

const QUORUM = awardQuorumAt(7, 'the smallest committee this pack allows')

export const guangdongFoshanPingding: RulePack = {
  id: 'guangdong-foshan-pingding',
  version: '2020.0.1',
  name: '佛山 评定分离 2020 (Foshan evaluate-then-decide)',
  jurisdiction: 'CN-GD-Foshan',
  regime: 'bidding-law',
  dayCounting: 'calendar',
  limits: {
    ...cnNationalBidding.limits,
    resultPublicityDays: local(3, 'result publicity with reasons, typical local period'),
  },
  evaluationCommittee: cnNationalBidding.evaluationCommittee,
  candidates: {
    min: local(3, 'unranked candidates, typical "3–7" (REGULATIONS §3)'),
    max: local(7, 'unranked candidates, typical "3–7" (REGULATIONS §3)'),
    ranked: false, // 定标候选人不排序 (REGULATIONS §2 row 9)
  },
  awardCommittee: {
    minSize: local(7, 'award committee an odd number, ≥5 or ≥7 (REGULATIONS §5.1)'),
    odd: true,
  },
  awardQuorum: { ...QUORUM, source: `${UNVERIFIED}; ${QUORUM.source}` },
  // 评定分离 pairs with qualitative or comprehensive review; lowest price leaves little to decide (§4.2).
  evaluationMethods: ['qualitative', 'comprehensive'],
  // Lottery stays off: banned nationally since 2022-09-01 and no Foshan text authorises it.
  awardMethods: [
    'simpleMajority',
    'pairwise',
    'roundElimination',
    'cumulative',
    'collectiveDeliberation',
    'priceCompetition',
  ],
  lotteryAllowed: false,
  maxRevotes: local(2, 're-votes among the tied before the tie-break (REGULATIONS §5.2)'),
  tieBreak: { ...LOWEST_PRICE_TIE_BREAK, source: `${UNVERIFIED}; ${LOWEST_PRICE_TIE_BREAK.source}` },
  // The Foshan measures could not be obtained: the national bidding-law credit policy applies.
  credit: cnNationalBidding.credit,
}
