// Test-only: the bid streams accepted submissions leave (BID_SUBMITTED on a hash chain), without sealing
// real bids, so a tender driven past CLOSE_BIDDING commits to the bid set its streams hash to.

import { sha256Hex } from '../../src/events/hash-chain.ts'
import { bidSetHash } from '../../src/opening/bid-set-hash.ts'
import { startBidStream } from '../../src/submission/bid-command.ts'
import type { TestApp } from './test-app.ts'

export interface SeededBid {
  readonly bidId: string
  readonly bidderOrgId: string
}

/** One BID_SUBMITTED stream per bid, at the clock's time; returns their bid set hash. */
export async function seedBidStreams(
  t: TestApp,
  tenderId: string,
  bids: readonly SeededBid[],
): Promise<string> {
  const { deadline } = await t.database.db
    .selectFrom('tenders')
    .select('deadline')
    .where('id', '=', tenderId)
    .executeTakeFirstOrThrow()
  const submittedAt = t.clock.now().toISOString()
  const hashes = bids.map((bid) => sha256Hex(`sealed bid ${bid.bidId}`))
  await t.database.db.transaction().execute(async (trx) => {
    for (const [i, { bidId, bidderOrgId }] of bids.entries()) {
      const input = {
        bidId,
        tenderId,
        bidderOrgId,
        submittedAt,
        deadline: new Date(deadline!).toISOString(),
        contentHash: hashes[i]!,
      }
      await startBidStream(trx, input, { orgId: bidderOrgId, roles: ['bidder'], ip: '127.0.0.1' })
    }
  })
  return bidSetHash(hashes)
}
