// Fires the prepared bids: C workers over keep-alive connections in the timed window (a replacement
// follows its bidder's acknowledged first bid), then the late bids just after the deadline.
import { randomUUID } from 'node:crypto'
import type { PreparedBody } from './bid-bodies.ts'
import { field, type HttpClient } from './http-client.ts'
import type { BidTask, LateTask } from './load-tasks.ts'
import type { LoadPlan, RequestKind, RequestRecord } from './plan.ts'

export const epochNow = () => performance.timeOrigin + performance.now()

/** Never returns early: a timer may fire a millisecond before its time, so check again. */
export async function sleepUntil(epochMs: number): Promise<void> {
  while (Date.now() < epochMs) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, epochMs - Date.now())))
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** What a 201 acknowledges: the bid, the hash it is committed under, and the receipt. */
function acknowledgement(body: unknown) {
  const bid = field(body, 'bid')
  const receipt = field(body, 'receipt') ?? field(bid, 'receipt')
  return {
    bidId: text(field(bid, 'id')),
    hash: text(field(bid, 'ciphertextSha256') ?? field(bid, 'ciphertextHash') ?? field(bid, 'contentHash')),
    receipt: text(typeof receipt === 'object' ? field(receipt, 'jws') : receipt),
  }
}

async function send(
  client: HttpClient,
  plan: LoadPlan,
  at: { kind: RequestKind; tender: number; bidder: number },
  body: PreparedBody,
): Promise<RequestRecord> {
  const path = `/api/v1/tenders/${plan.tenderIds[at.tender]}/bids`
  const token = plan.bidders[at.bidder]?.token
  const sentAt = epochNow()
  const clientHash = body.clientHash ? { clientHash: body.clientHash } : {}
  try {
    const reply = await client.request('POST', path, {
      token,
      json: body.json,
      headers: { 'idempotency-key': randomUUID() },
    })
    const ms = epochNow() - sentAt
    if (reply.status !== 201) {
      return { ...at, sentAt, ms, status: reply.status, code: text(field(reply.body, 'code')), ...clientHash }
    }
    return { ...at, sentAt, ms, status: 201, ...acknowledgement(reply.body), ...clientHash }
  } catch (error) {
    const code = error instanceof Error ? error.message : String(error)
    return { ...at, sentAt, ms: epochNow() - sentAt, status: 0, code, ...clientHash }
  }
}

/** The timed window: C workers drain the task list; the records come back in completion order. */
export async function runWindow(
  client: HttpClient,
  plan: LoadPlan,
  tasks: readonly BidTask[],
): Promise<RequestRecord[]> {
  const records: RequestRecord[] = []
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!
      const { tender, bidder } = task
      const first = await send(client, plan, { kind: 'submit', tender, bidder }, task.first)
      records.push(first)
      if (task.replacement && first.status === 201) {
        records.push(await send(client, plan, { kind: 'replace', tender, bidder }, task.replacement))
      }
    }
  }
  await Promise.all(Array.from({ length: plan.concurrency }, worker))
  return records
}

/** Late bids, staggered over the first ~100 ms after the deadline (server time decides; same host). */
export async function fireLate(
  client: HttpClient,
  plan: LoadPlan,
  late: readonly LateTask[],
): Promise<RequestRecord[]> {
  return Promise.all(
    late.map(async (task, i) => {
      await sleepUntil(plan.deadline + 1 + Math.floor((i * 100) / Math.max(1, late.length)))
      return send(client, plan, { kind: 'late', tender: task.tender, bidder: task.bidder }, task.body)
    }),
  )
}

/** Warm-up: each bidder's bodies in turn on the warm-up tender (one live bid each, so no conflicts). */
export async function runWarmup(
  client: HttpClient,
  plan: LoadPlan,
  perBidder: readonly (readonly PreparedBody[])[],
): Promise<number> {
  const warmPlan = { ...plan, tenderIds: [plan.warmupTenderId ?? ''] }
  let failures = 0
  let next = 0
  const worker = async () => {
    while (next < perBidder.length) {
      const bidder = next++
      for (const body of perBidder[bidder]!) {
        const record = await send(client, warmPlan, { kind: 'submit', tender: 0, bidder }, body)
        if (record.status !== 201) failures++
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, perBidder.length) }, worker))
  return failures
}
