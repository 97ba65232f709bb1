// After the deadline: wait for the server's durable timer to close every tender (closing through the API
// only for tenders it has not closed within the grace period), then open each one as its purchaser.

import type { DatabaseHandle } from '../../src/db/database.ts'
import { tenderStreamId } from '../../src/events/stream-ids.ts'
import { field, type HttpClient } from './http-client.ts'
import { sleepUntil } from './load-run.ts'

export interface CloseOutcome {
  /** Tenders the bench had to close itself (POST …/close-bidding): no timer did within the grace. */
  readonly closedByApi: number
  readonly closeFailures: string[]
}

async function stillBidding(handle: DatabaseHandle, tenderIds: readonly string[]): Promise<string[]> {
  const rows = await handle.db
    .selectFrom('tenders')
    .select('id')
    .where('id', 'in', [...tenderIds])
    .where('state', '=', 'bidding')
    .execute()
  return rows.map((row) => row.id)
}

export async function awaitClose(
  handle: DatabaseHandle,
  client: HttpClient,
  o: { tenderIds: readonly string[]; deadline: number; graceMs: number; operatorToken: string },
): Promise<CloseOutcome> {
  await sleepUntil(o.deadline)
  let open = await stillBidding(handle, o.tenderIds)
  while (open.length > 0 && Date.now() < o.deadline + o.graceMs) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    open = await stillBidding(handle, o.tenderIds)
  }
  const closeFailures: string[] = []
  let closedByApi = 0
  for (const id of open) {
    const reply = await client.request('POST', `/api/v1/tenders/${id}/close-bidding`, {
      token: o.operatorToken,
    })
    if (reply.status === 200) closedByApi++
    // A refusal because the timer closed it meanwhile is no failure.
    else if ((await stillBidding(handle, [id])).length > 0) {
      closeFailures.push(`${id}: ${reply.status} ${String(field(reply.body, 'code'))}`)
    }
  }
  return { closedByApi, closeFailures }
}

/** POST …/open for every tender; returns the failures (tender: status code). */
export async function openAll(
  client: HttpClient,
  tenderIds: readonly string[],
  purchaserToken: string,
): Promise<string[]> {
  const failures: string[] = []
  for (const id of tenderIds) {
    const reply = await client.request('POST', `/api/v1/tenders/${id}/open`, { token: purchaserToken })
    if (reply.status !== 200) failures.push(`${id}: ${reply.status} ${String(field(reply.body, 'code'))}`)
  }
  return failures
}

/** Who closed each tender (the timer acts from the address "timer") and how long after the deadline. */
export async function closeFacts(
  handle: DatabaseHandle,
  tenderIds: readonly string[],
  deadline: number,
): Promise<{ byTimer: number; maxLagMs: number }> {
  const rows = await handle.db
    .selectFrom('events')
    .select(['meta', 'recorded_at'])
    .where('stream_id', 'in', tenderIds.map(tenderStreamId))
    .where('type', '=', 'CLOSE_BIDDING')
    .execute()
  const lags = rows.map((row) => new Date(row.recorded_at).getTime() - deadline)
  return {
    byTimer: rows.filter((row) => row.meta.ip === 'timer').length,
    maxLagMs: lags.length > 0 ? Math.max(...lags) : Number.NaN,
  }
}
