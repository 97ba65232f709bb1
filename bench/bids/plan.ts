// What the bench process hands the load process (a JSON file) and what the load process hands back.
import fs from 'node:fs'

/**
 * How a bid body looks on the wire: `jwe` = {jwe} sealed client-side (the recommended mode);
 * `bid` = the convenience body {bid: {...}} the server encrypts; `raw` = the bid content as the body
 * (the API before sealed bidding). The bench picks the first the OpenAPI document offers.
 */
export type BidMode = 'jwe' | 'bid' | 'raw'

export interface PlanBidder {
  readonly orgId: string
  readonly uscc: string
  readonly token: string
}

export interface LoadPlan {
  readonly baseUrl: string
  readonly concurrency: number
  readonly mode: BidMode
  /** Epoch ms at which the timed window starts. */
  readonly startAt: number
  /** Epoch ms of the one deadline every tender shares. */
  readonly deadline: number
  /** Share of bidders per tender that replace their bid once it is acknowledged. */
  readonly replaceShare: number
  /** Bids fired just after the deadline; each must be refused with 409 bidding_closed. */
  readonly lateBids: number
  readonly tenderIds: readonly string[]
  /**
   * A tender outside the measurement (deadline an hour later) that takes `warmupBids` bids before the
   * window, so the server meets the rush warmed up, as a server running for days would.
   */
  readonly warmupTenderId: string | null
  readonly warmupBids: number
  readonly bidders: readonly PlanBidder[]
  readonly resultFile: string
}

export type RequestKind = 'submit' | 'replace' | 'late'

export interface RequestRecord {
  readonly kind: RequestKind
  readonly tender: number
  readonly bidder: number
  /** Epoch ms (fractional) when the request was sent. */
  readonly sentAt: number
  readonly ms: number
  readonly status: number
  /** The problem's `code` for refusals, or the network error's message. */
  readonly code?: string
  readonly bidId?: string
  /** The ciphertext (or content) hash the server acknowledged. */
  readonly hash?: string
  /** SHA-256 of the JWE the client sent (jwe mode only). */
  readonly clientHash?: string
  readonly receipt?: string
}

export interface LoadResult {
  readonly mode: BidMode
  readonly prepareMs: number
  readonly warmupBids: number
  readonly warmupMs: number
  /** Warm-up bids that were not acknowledged (they are not part of the figures). */
  readonly warmupFailures: number
  /** How much later than planned the window started (prepare overran), in ms. */
  readonly lateStartMs: number
  readonly windowStart: number
  readonly windowEnd: number
  readonly bodyBytesAverage: number
  readonly records: readonly RequestRecord[]
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value))
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}
