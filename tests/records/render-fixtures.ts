// Test-only: a tender driven through its whole lifecycle (a decryption failure at opening, a rejected
// bid, a dissent, a tied first round and a re-vote, a decision, the award notice, the contract), and
// the record requests for it, as the record pipeline would make them.

import { randomBytes } from 'node:crypto'
import { performDraw } from '../../src/draws/verifiable-draw.ts'
import { readStream, type StoredEvent } from '../../src/events/event-store.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import { demoOrg } from '../../src/organisations/demo-directory.ts'
import type { RecordRequest } from '../../src/records/record-types.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { newId } from '../../src/shared/ids.ts'
import type { RecordType } from '../../templates/pdf/record-kinds.ts'
import { EXPERTS, openMeeting, post, userId, voteRound } from '../award/support.ts'
import { driveTender } from '../support/drive.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import type { TestApp } from '../support/test-app.ts'

export const PRICES = ['3800000000', '3650000012', '3720000000', '3900000000', null]

export interface CompletedTender {
  readonly tenderId: string
  readonly bidIds: readonly string[]
  readonly bidderOrgIds: readonly string[]
  readonly winnerBidId: string
  readonly experts: readonly string[]
}

async function head(t: TestApp, tenderId: string): Promise<string> {
  const events = await readStream(t.database.db, tenderStreamId(tenderId))
  return events.at(-1)!.hash
}

export async function driveCompletedTender(
  t: TestApp,
  hooks: { afterOpen?: (tenderId: string) => Promise<void> } = {},
): Promise<CompletedTender> {
  const tenderId = await createPublished(t)
  t.clock.advance(21 * DAY_MS)
  const bidIds = PRICES.map(() => newId('bid'))
  const bidderOrgIds = PRICES.map((_, i) => demoOrg(`bidder${i + 1}`).id)
  await driveTender(t, tenderId, [
    { type: 'CLOSE_BIDDING', bidCount: 5, bidSetHash: 'b'.repeat(64) },
    {
      type: 'OPEN',
      bidSetHash: 'b'.repeat(64),
      bids: bidIds.map((bidId, i) => ({
        bidId,
        bidderOrgId: bidderOrgIds[i]!,
        outcome: PRICES[i] === null ? ('decryptFailedBidder' as const) : ('opened' as const),
        priceFen: PRICES[i]!,
      })),
    },
  ])
  await hooks.afterOpen?.(tenderId)
  const { selected, ...draw } = performDraw(
    EXPERTS,
    5,
    randomBytes(32).toString('hex'),
    await head(t, tenderId),
  )
  const experts = [...selected]
  const scored = bidIds.slice(0, 4)
  await driveTender(t, tenderId, [
    { type: 'DRAW_EXPERTS', members: experts, draw },
    ...experts.map((expertId, e) => ({
      type: 'DECLARE_NO_CONFLICT' as const,
      expertId,
      statement: e === 0 ? '本人与各投标人均无利害关系' : null,
    })),
    {
      type: 'REJECT_BID',
      expertId: experts[1]!,
      bidId: bidIds[3]!,
      ground: '投标报价高于最高投标限价以外的实质性偏差：工期不满足招标文件要求',
    },
    ...experts.map((expertId, e) => ({
      type: 'SUBMIT_SCORES' as const,
      expertId,
      scores: scored
        .slice(0, 3)
        .map((bidId, b) => ({ bidId, score: 80 + e + b * 2.25, comment: '符合要求' })),
    })),
    {
      type: 'SUBMIT_REPORT',
      expertId: experts[0]!,
      candidates: bidIds.slice(0, 3),
      summary: '经评审，推荐三名定标候选人，排名不分先后。',
      dissent: [{ expertId: experts[4]!, opinion: '对第二名候选人的施工组织设计评分偏高持保留意见。' }],
    },
  ])
  t.clock.advance(3 * DAY_MS)
  await driveTender(t, tenderId, [{ type: 'END_PUBLICITY' }])
  const members = await openMeeting(t, tenderId)
  const [a, b, c] = bidIds as [string, string, string]
  // A tie in round 1 (2–2–1), then the re-vote among the tied two.
  await voteRound(t, tenderId, members, [a, a, b, b, c])
  const revote = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/revote`)
  if (revote.status !== 200) throw new Error(`revote: ${revote.status} ${JSON.stringify(revote.body)}`)
  await voteRound(t, tenderId, members, [b, b, b, a, a])
  const decided = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award/decision`, {
    winnerBidId: b,
    reasons: '第二轮票决多数委员认为其报价合理、履约能力强，确定为中标人。',
  })
  if (decided.status !== 200) throw new Error(`decision: ${decided.status} ${JSON.stringify(decided.body)}`)
  t.clock.advance(3 * DAY_MS)
  await driveTender(t, tenderId, [{ type: 'END_PUBLICITY' }])
  const notice = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/award-notice`)
  if (notice.status !== 201) throw new Error(`notice: ${notice.status} ${JSON.stringify(notice.body)}`)
  t.clock.advance(5 * DAY_MS)
  const contract = await post(t, 'purchaser', `/api/v1/tenders/${tenderId}/contract`, {
    contractRef: 'HT-2026-001',
  })
  if (contract.status !== 200)
    throw new Error(`contract: ${contract.status} ${JSON.stringify(contract.body)}`)
  return { tenderId, bidIds, bidderOrgIds, winnerBidId: b, experts }
}

const CERTIFIED_BY: Record<RecordType, string> = {
  opening_record: 'OPEN',
  evaluation_report: 'SUBMIT_REPORT',
  award_report: 'DECIDE',
  award_notice: 'ISSUE_AWARD_NOTICE',
  unsuccessful_notice: 'ISSUE_AWARD_NOTICE',
  replay_certificate: 'CONTRACT_SIGNED',
}

export function certifiedOf(event: StoredEvent): RecordRequest['certified'] {
  const { streamId, seq, hash, type, recordedAt } = event
  return { streamId, seq, hash, type, recordedAt }
}

/** The request for a record of the tender, certifying the last event of the type the record follows. */
export async function requestFor(
  t: TestApp,
  tenderId: string,
  type: RecordType,
  recipientOrgId: string | null = null,
): Promise<RecordRequest> {
  const events = await readStream(t.database.db, tenderStreamId(tenderId))
  const event = events.findLast((e) => e.type === CERTIFIED_BY[type])
  if (!event) throw new Error(`tender ${tenderId} has no ${CERTIFIED_BY[type]} event`)
  return { tenderId, type, certified: certifiedOf(event), recipientOrgId }
}

export { userId }
