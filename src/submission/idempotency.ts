// Idempotency-Key on bid commands: the first request's response is stored with the change, in its
// transaction; a retry gets it back and changes nothing; the same key on another request is a 422.
import { timingSafeEqual } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import type { Kek } from '../keys/kek.ts'
import { Conflict, RuleViolation } from '../shared/errors.ts'
import type { SubmissionDeps } from './submission-deps.ts'

export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_:.-]{1,128}$'

/** What a bid command answers: stored as is under its idempotency key. */
export interface CommandResponse {
  readonly statusCode: number
  readonly body: Record<string, unknown>
}

export interface IdempotentRequest {
  readonly key: string
  readonly bidderOrgId: string
  /** The route pattern, e.g. "POST /api/v1/tenders/:id/bids". */
  readonly route: string
  /** SHA-256 (hex) of method, path and canonical body: see requestSha256. */
  readonly requestSha256: string
}

/** Thrown inside the transaction when a concurrent request committed the same key first. */
class KeyTakenMeanwhile extends Error {}

export function requestSha256(method: string, path: string, body: unknown): string {
  return sha256Hex(`${method}\n${path}\n${canonicalJson(body ?? null)}`)
}

// The request hash of a plaintext bid would betray its price to anyone reading the table (prices are
// few enough to try them all), so it is stored wrapped by the KEK, bound to the organisation and key.
const aadOf = (request: IdempotentRequest) => `idempotency-request:${request.bidderOrgId}:${request.key}`

/** A stored key as read back: its route, wrapped request hash and response (null while in progress). */
export type KeyRow = { route: string; request_sha256: string; status_code: number | null; response: unknown }

function findKey(db: Kysely<Database>, request: IdempotentRequest): Promise<KeyRow | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['route', 'request_sha256', 'status_code', 'response'])
    .where('bidder_org_id', '=', request.bidderOrgId)
    .where('key', '=', request.key)
    .executeTakeFirst()
}

function sameRequest(kek: Kek, wrapped: string, request: IdempotentRequest): boolean {
  let stored: Buffer
  try {
    stored = Buffer.from(kek.unwrap(wrapped, aadOf(request)))
  } catch {
    return false // wrapped under another KEK: it cannot be shown to be the same request
  }
  const presented = Buffer.from(request.requestSha256, 'hex')
  return stored.length === presented.length && timingSafeEqual(stored, presented)
}

/** The stored response for a retry of the same request; 422 idempotency_key_reused for another one. */
export function replay(kek: Kek, row: KeyRow, request: IdempotentRequest): CommandResponse {
  const same = row.route === request.route && sameRequest(kek, row.request_sha256, request)
  if (!same) {
    throw new RuleViolation(
      'this Idempotency-Key was used for a different request; use a new key for a new request',
      {},
      'idempotency_key_reused',
    )
  }
  if (row.status_code === null) throw inProgress()
  return { statusCode: row.status_code, body: row.response as Record<string, unknown> }
}

const inProgress = () =>
  new Conflict(
    'a request with this Idempotency-Key is in progress; retry shortly',
    {},
    'idempotency_in_progress',
  )

/** The request hash as stored: wrapped by the KEK, bound to the organisation and key. */
export const wrappedRequestSha256 = (kek: Kek, request: IdempotentRequest): string =>
  kek.wrap(Buffer.from(request.requestSha256, 'hex'), aadOf(request))

/** After a claim was refused by a committed twin: that twin's stored response. */
/** The stored answer to this key, if it already has one (a retry), else null: nothing is claimed. */
export async function storedAnswer(deps: SubmissionDeps, request: IdempotentRequest | null) {
  if (request === null) return null
  const stored = await findKey(deps.db, request)
  if (!stored || stored.status_code === null) return null
  return { ...replay(deps.keys.kek, stored, request), replayed: true }
}

export async function replayWinner(deps: SubmissionDeps, request: IdempotentRequest) {
  const winner = await findKey(deps.db, request)
  if (!winner) throw inProgress()
  return { ...replay(deps.keys.kek, winner, request), replayed: true }
}

async function claimKey(trx: Transaction<Database>, kek: Kek, request: IdempotentRequest, at: Date) {
  try {
    await trx
      .insertInto('idempotency_keys')
      .values({
        key: request.key,
        bidder_org_id: request.bidderOrgId,
        route: request.route,
        request_sha256: wrappedRequestSha256(kek, request),
        status_code: null,
        response: null,
        created_at: at,
      })
      .execute()
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new KeyTakenMeanwhile()
    throw error
  }
}

/**
 * Runs `work` in one transaction. With a key, the key is claimed first: a concurrent duplicate waits
 * on the claim, then (its insert refused) reads the winner's stored response instead of bidding twice.
 */
export async function runIdempotent(
  deps: SubmissionDeps,
  request: IdempotentRequest | null,
  work: (trx: Transaction<Database>) => Promise<CommandResponse>,
): Promise<CommandResponse & { replayed: boolean }> {
  const kek = deps.keys.kek
  if (request === null) return { ...(await deps.db.transaction().execute(work)), replayed: false }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const prior = await findKey(trx, request)
      if (prior) return { ...replay(kek, prior, request), replayed: true }
      await claimKey(trx, kek, request, deps.clock.now())
      const response = await work(trx)
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: response.statusCode, response: JSON.stringify(response.body) })
        .where('bidder_org_id', '=', request.bidderOrgId)
        .where('key', '=', request.key)
        .execute()
      return { ...response, replayed: false }
    })
  } catch (error) {
    if (!(error instanceof KeyTakenMeanwhile)) throw error
    return replayWinner(deps, request)
  }
}
