// National government-procurement rules (政府采购法, 实施条例 Order 658, 财政部令第87号). GP counts most
// periods in working days (工作日); limits the statutes state in 日 say so with `counting: 'calendar'`.
// National GP awards in rank order (Order 658 Art 43): this pack serves 评定分离 only where a local rule
// authorises it (e.g. Shenzhen's GP 评定分离 measures, REGULATIONS §1.2), hence the unverified award rows.
import type { RulePack } from '../../../state-machines/rule-pack.ts'
import { awardQuorumAt, LOWEST_PRICE_TIE_BREAK } from './cn-national-bidding.ts'

export const cnNationalGp: RulePack = {
  id: 'cn-national-gp',
  version: '1.0.0',
  name: '全国 政府采购法 (national government procurement)',
  jurisdiction: 'CN',
  regime: 'government-procurement',
  dayCounting: 'working',
  limits: {
    minBidDays: {
      value: 20,
      counting: 'calendar',
      source: '政府采购法 Art 35: ≥20 days from document issue to the bid deadline',
      confidence: 'V',
    },
    amendmentLeadDays: {
      value: 15,
      counting: 'calendar',
      source:
        '财政部令第87号 Art 27: changes affecting bid preparation ≥15 days before the deadline. Unverified',
      confidence: 'U',
    },
    objectionLeadDays: {
      value: 0,
      source:
        'GP has no lead time before the deadline for challenges (质疑 within 7 wd of knowing, 政府采购法 Art 52); 0 lets them run to the deadline. Unverified',
      confidence: 'U',
    },
    minBids: {
      value: 3,
      source: '政府采购法 Art 36: fewer than 3 responsive suppliers → 废标. Unverified',
      confidence: 'U',
    },
    minValidBids: {
      value: 3,
      source: '政府采购法 Art 36(一): fewer than 3 qualifying suppliers → 废标. Unverified',
      confidence: 'U',
    },
    candidatePublicityDays: {
      value: 1,
      source:
        'No national GP candidate publicity; the 1-working-day publication period of 财政部令第87号 Art 69 is used. Unverified',
      confidence: 'U',
    },
    resultPublicityDays: {
      value: 1,
      source:
        '实施条例 (Order 658) Art 43; 财政部令第87号 Art 68–69: result publication period 1 working day',
      confidence: 'V',
    },
    contractDays: {
      value: 30,
      counting: 'calendar',
      source: '政府采购法 Art 46: contract within 30 days of the award notice',
      confidence: 'V',
    },
  },
  evaluationCommittee: {
    minSize: {
      value: 5,
      source:
        '财政部令第87号 Art 47: 5 or more, odd (7 or more for budgets ≥ ¥10m: not yet per tender). Size 5 unverified',
      confidence: 'U',
    },
    odd: true,
    minExpertShare: {
      numerator: 2,
      denominator: 3,
      source:
        '财政部令第87号 Art 47: 评审专家不得少于成员总数的三分之二 (with the purchaser representative). Not in REGULATIONS.md: unverified',
      confidence: 'U',
    },
  },
  candidates: {
    min: {
      value: 1,
      source: 'Order 658 Art 43: the buyer awards among the ranked candidates. Count unverified',
      confidence: 'U',
    },
    max: {
      value: 3,
      source: 'Shenzhen GP 评定分离 checklist: three candidates (REGULATIONS §4.2). Unverified',
      confidence: 'U',
    },
    ranked: true,
  },
  awardCommittee: {
    minSize: {
      value: 5,
      source: 'Local 评定分离 practice: odd, ≥5 (REGULATIONS §5.1). Unverified',
      confidence: 'U',
    },
    odd: true,
  },
  awardQuorum: awardQuorumAt(5, 'the smallest committee this pack allows'),
  // 综合评分法 and 最低评标价法 are the GP methods (财政部令第87号 Art 52); no 定性评审 in national GP.
  evaluationMethods: ['comprehensive', 'lowestEvaluatedPrice'],
  // Which award methods GP 评定分离 allows is unverified (a Shenzhen checklist names 自定法): two neutral ones.
  awardMethods: ['simpleMajority', 'collectiveDeliberation'],
  lotteryAllowed: false,
  maxRevotes: {
    value: 2,
    source: 'Local GP 评定分离 practice: local texts set the number of re-votes. Unverified',
    confidence: 'U',
  },
  tieBreak: LOWEST_PRICE_TIE_BREAK,
  // Credit (REGULATIONS §6.1): GP rejects bidders on the three lists of 财库〔2016〕125号 and on the GP list.
  credit: {
    lists: {
      judgmentDefaulter: {
        value: 'refuse',
        source: '财库〔2016〕125号 (as described, REGULATIONS §6.1): 失信被执行人 are rejected in GP',
        confidence: 'S',
      },
      majorTaxViolation: {
        value: 'refuse',
        source: '财库〔2016〕125号 (as described, REGULATIONS §6.1): 重大税收违法失信主体 are rejected in GP',
        confidence: 'S',
      },
      gpSeriousViolation: {
        value: 'refuse',
        source:
          '政府采购法 Art 77: a 1–3-year ban from GP (length V); rejection per 财库〔2016〕125号 (as described)',
        confidence: 'S',
      },
      biddingBan: {
        value: 'refuse',
        source:
          '实施条例 Art 67–68 bans from must-tender projects; whether one bars a GP bid is unverified: refused while in force',
        confidence: 'U',
      },
      seriousDishonesty: {
        value: 'flag',
        source:
          '严重失信主体名单 (信用中国, 1117号 §(二十)): not among the GP rejection lists of 财库〔2016〕125号; flagged. Unverified',
        confidence: 'U',
      },
    },
    penalties: {
      value: 'flag',
      source:
        '政府采购法 Art 22(五) asks for no major violation in the last 3 years: whether a penalty is major needs judgement, so it is flagged. Unverified (not in REGULATIONS)',
      confidence: 'U',
    },
    penaltyYears: {
      value: 3,
      source: '政府采购法 Art 22(五): three years before taking part. Unverified (not in REGULATIONS)',
      confidence: 'U',
    },
    unavailable: {
      value: 'flag',
      source:
        'A failed query is no evidence either way (财库〔2016〕125号 evidence rules, as described): recorded, flagged and re-checked at opening. Unverified',
      confidence: 'U',
    },
    cutoff: {
      value: 'bidDeadline',
      source:
        '财库〔2016〕125号 (as described, REGULATIONS §6.1): the documents state the cut-off time, commonly the bid deadline',
      confidence: 'S',
    },
  },
}
