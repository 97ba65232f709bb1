// Test-only: an evaluation report's input built directly (no database): `bids` bidders scored by
// `experts` experts, three rejections, three candidates and a dissent, for the renderer's own tests.

import type { RecordRequest } from '../../src/records/record-types.ts'
import type { EvaluationReportInput } from '../../templates/pdf/record-input.ts'

const hex = (seed: number) =>
  Array.from({ length: 64 }, (_, i) => ((seed * 31 + i * 7) % 16).toString(16)).join('')

export const SAMPLE_TENDER_ID = 'tnd_0123456789abcdef0123456789abcdef'

export function sampleEvaluationRequest(): RecordRequest {
  return {
    tenderId: SAMPLE_TENDER_ID,
    type: 'evaluation_report',
    certified: {
      streamId: `tender-${SAMPLE_TENDER_ID}`,
      seq: 128,
      hash: hex(128),
      type: 'SUBMIT_REPORT',
      recordedAt: '2026-03-23T01:30:00.000Z',
    },
    recipientOrgId: null,
  }
}

export function sampleEvaluationInput(bids = 50, experts = 7): EvaluationReportInput {
  const committee = Array.from({ length: experts }, (_, i) => ({
    userId: `usr_expert${String(i).padStart(23, '0')}`,
    name: `评标专家 ${['刘洋', '陈静', '张伟', '王芳', '李明', '赵磊', '孙丽', '周强', '吴敏'][i % 9]}`,
  }))
  const bidders = Array.from({ length: bids }, (_, i) => ({
    orgId: `org_bidder${String(i).padStart(22, '0')}`,
    name: `佛山市第${i + 1}建设工程集团有限公司`,
    uscc: `91440604MA5${String(10000 + i)}X${i % 10}`,
  }))
  const rejectedAt = new Set([3, 11, 40].filter((i) => i < bids))
  const bidIds = bidders.map((_, i) => `bid_${String(i).padStart(32, '0')}`)
  const score = (b: number, e: number) => (70 + ((b * 7 + e * 3) % 2500) / 100).toFixed(2)
  const mean = (b: number) =>
    (committee.reduce((sum, _, e) => sum + Math.round(Number(score(b, e)) * 100), 0) / experts / 100).toFixed(
      2,
    )
  return {
    type: 'evaluation_report',
    tender: {
      tenderId: SAMPLE_TENDER_ID,
      title: '佛山市南海区桂澜路市政道路改造工程施工（样例）',
      reference: 'SAMPLE-2026-050',
    },
    particulars: {
      purchaserOrgId: 'org_purchaser',
      purchaserName: '佛山市南海区市政工程建设中心',
      category: 'works',
      estimatedValueFen: '3850000000',
      ceilingPriceFen: '4000000000',
      rulePack: { id: 'cn-national-bidding', version: '1.0.0', name: '全国 招标投标法' },
      evaluationMethod: 'comprehensive',
      awardMethod: 'simpleMajority',
      awardFactors: ['投标报价', '企业信用'],
      deadline: '2026-03-23T01:30:00.000Z',
      publishedAt: '2026-03-02T01:30:00.000Z',
    },
    committee,
    draw: {
      seq: 6,
      drawnAt: '2026-03-23T01:30:00.000Z',
      poolSize: 9,
      pool: committee.map((c) => c.userId),
      secretCommitment: hex(1),
      secret: hex(2),
      seed: hex(3),
      streamHeadHash: hex(4),
    },
    declarations: committee.map((expert) => ({
      expert,
      declaredAt: '2026-03-23T01:40:00.000Z',
      statement: null,
    })),
    bids: bidders.map((bidder, i) => ({
      bidId: bidIds[i]!,
      bidder,
      outcome: i === 7 ? 'decryptFailedBidder' : 'opened',
      priceFen: i === 7 ? null : String(3_500_000_000 + i * 7_654_321),
      rejected: rejectedAt.has(i),
      scores: i === 7 || rejectedAt.has(i) ? committee.map(() => null) : committee.map((_, e) => score(i, e)),
      summary:
        i === 7 || rejectedAt.has(i)
          ? { count: 0, mean: null, min: null, max: null }
          : { count: experts, mean: mean(i), min: score(i, 0), max: score(i, experts - 1) },
    })),
    rejections: [...rejectedAt].map((i) => ({
      bidId: bidIds[i]!,
      bidder: bidders[i]!,
      ground: '投标文件未按招标文件要求提供有效的投标保证金，属于重大偏差',
      expert: committee[0]!,
      rejectedAt: '2026-03-23T02:30:00.000Z',
    })),
    candidates: [0, 1, 2].map((i) => ({
      rank: i + 1,
      bidId: bidIds[i]!,
      bidder: bidders[i]!,
      priceFen: String(3_500_000_000 + i * 7_654_321),
      meanScore: mean(i),
    })),
    reportedAt: '2026-03-23T01:30:00.000Z',
    submittedBy: committee[0]!,
    summary: '评标委员会按招标文件规定的综合评估法对全部有效投标进行了评审，推荐三名定标候选人。',
    dissent: [{ expert: committee[experts - 1]!, opinion: '对部分投标人的施工组织设计评分持保留意见。' }],
  }
}
