// The load process's work list, built (and every bid sealed) before the timed window: each bidder's
// first bid, the replacement of the 10% that replace, and the late bids fired after the deadline.

import {
  bidForm,
  type PreparedBody,
  type Sealer,
  sealerFor,
  seededRandom,
  type TenderKey,
} from './bid-bodies.ts'
import { field, type HttpClient } from './http-client.ts'
import type { LoadPlan } from './plan.ts'

export interface BidTask {
  readonly tender: number
  readonly bidder: number
  readonly first: PreparedBody
  readonly replacement: PreparedBody | null
}

export interface LateTask {
  readonly tender: number
  readonly bidder: number
  readonly body: PreparedBody
}

export interface Tasks {
  readonly bids: readonly BidTask[]
  readonly late: readonly LateTask[]
}

/** The published key of a tender, as any bidder fetches it (GET …/encryption-key). */
async function fetchTenderKey(client: HttpClient, plan: LoadPlan, tenderId: string): Promise<TenderKey> {
  const reply = await client.request('GET', `/api/v1/tenders/${tenderId}/encryption-key`, {
    token: plan.bidders[0]?.token,
  })
  const jwk = field(reply.body, 'jwk')
  const alg = field(reply.body, 'alg')
  const enc = field(reply.body, 'enc')
  if (reply.status !== 200 || typeof jwk !== 'object' || typeof alg !== 'string' || typeof enc !== 'string') {
    throw new Error(`GET encryption-key of ${tenderId}: ${reply.status} ${JSON.stringify(reply.body)}`)
  }
  return { jwk: jwk as TenderKey['jwk'], alg, enc }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

async function tenderTasks(tender: number, plan: LoadPlan, seal: Sealer): Promise<BidTask[]> {
  const random = seededRandom(1000 + tender)
  const count = plan.bidders.length
  const replacing = new Set(
    shuffle([...Array(count).keys()], random).slice(0, Math.round(count * plan.replaceShare)),
  )
  const tasks: BidTask[] = []
  for (let bidder = 0; bidder < count; bidder++) {
    const first = await seal(bidForm(random))
    const replacement = replacing.has(bidder) ? await seal(bidForm(random)) : null
    tasks.push({ tender, bidder, first, replacement })
  }
  return tasks
}

/** Every body of the run, sealed; bids of all tenders interleaved as a rush would bring them. */
export async function prepareTasks(client: HttpClient, plan: LoadPlan): Promise<Tasks> {
  const bids: BidTask[] = []
  const sealers: Sealer[] = []
  for (const [tender, tenderId] of plan.tenderIds.entries()) {
    const key = plan.mode === 'jwe' ? await fetchTenderKey(client, plan, tenderId) : null
    const seal = await sealerFor(plan.mode, key)
    sealers.push(seal)
    bids.push(...(await tenderTasks(tender, plan, seal)))
  }
  const random = seededRandom(7)
  const late: LateTask[] = []
  for (let i = 0; i < plan.lateBids; i++) {
    const tender = i % plan.tenderIds.length
    const bidder = (i * 7) % plan.bidders.length
    late.push({ tender, bidder, body: await sealers[tender]!(bidForm(random)) })
  }
  return { bids: shuffle(bids, random), late }
}

/** Warm-up bodies for the warm-up tender: one list per bidder, each bid replacing the one before. */
export async function prepareWarmup(client: HttpClient, plan: LoadPlan): Promise<PreparedBody[][]> {
  if (!plan.warmupTenderId || plan.warmupBids === 0) return []
  const key = plan.mode === 'jwe' ? await fetchTenderKey(client, plan, plan.warmupTenderId) : null
  const seal = await sealerFor(plan.mode, key)
  const random = seededRandom(99)
  const perBidder: PreparedBody[][] = plan.bidders.map(() => [])
  for (let i = 0; i < plan.warmupBids; i++) perBidder[i % perBidder.length]!.push(await seal(bidForm(random)))
  return perBidder
}
