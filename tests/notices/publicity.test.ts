// The public cut of the award (pure): a round still open publishes no count, a closed one its counts
// per candidate and nothing of who voted what.
import { describe, expect, it } from 'vitest'
import type { RoundView } from '../../src/award/ballots.ts'
import { publicRounds } from '../../src/notices/publicity.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'

const context = {
  openedBids: [
    { bidId: 'bid_a', bidderOrgId: 'org_a', outcome: 'opened', priceFen: '100' },
    { bidId: 'bid_b', bidderOrgId: 'org_b', outcome: 'opened', priceFen: '200' },
  ],
} as unknown as TenderContext
const names = new Map([
  ['org_a', '甲公司'],
  ['org_b', '乙公司'],
])

function round(n: number, closed: boolean): RoundView {
  return {
    round: n,
    status: closed ? 'closed' : 'open',
    openedAt: '2026-03-26T01:00:00.000Z',
    closedAt: closed ? '2026-03-26T01:30:00.000Z' : null,
    activeCandidates: ['bid_a', 'bid_b'],
    votedBy: ['usr_1', 'usr_2'],
    complete: true,
    tally: closed
      ? [
          { bidId: 'bid_a', votes: 1 },
          { bidId: 'bid_b', votes: 1 },
        ]
      : null,
    ballots: closed ? [{ memberId: 'usr_1', candidateBidId: 'bid_a', reason: '理由' }] : null,
  }
}

describe('publicRounds', () => {
  it('publishes the counts of closed rounds only, with the bidders named and no ballot', () => {
    const rounds = publicRounds([round(1, true), round(2, false)], context, names)
    expect(rounds).toEqual([
      {
        round: 1,
        closedAt: '2026-03-26T01:30:00.000Z',
        votes: [
          { bidId: 'bid_a', bidderName: '甲公司', votes: 1 },
          { bidId: 'bid_b', bidderName: '乙公司', votes: 1 },
        ],
      },
    ])
    expect(JSON.stringify(rounds)).not.toMatch(/usr_|理由/)
  })
})
