// Small HTTP steps and fixtures for the bidding tests: bid bodies, sealing and submitting, closing,
// opening, counting.
import { CompactEncrypt, importJWK, type JWK } from 'jose'
import { completeUscc } from '../../src/credit/uscc.ts'
import { stableId } from '../../src/organisations/demo-directory.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import type { TestApp } from './test-app.ts'

export { createDraft, createPublished, eventCount } from './tender-fixtures.ts'

/** A conforming bid: the items add up to the price and both declarations are made. */
export function bidBody(priceFen = '3790000000', overrides: Record<string, unknown> = {}) {
  return {
    priceFen,
    durationDays: 365,
    items: [{ name: '道路改造工程（总价）', quantity: 1, unitPriceFen: priceFen }],
    declarations: { noCollusion: true, qualificationsMet: true },
    ...overrides,
  }
}

export async function bearer(t: TestApp, username: string): Promise<string> {
  return `Bearer ${await t.token(username)}`
}

/** Submits `content` in convenience mode ({bid}); the server seals it. */
export async function submit(
  t: TestApp,
  tenderId: string,
  username: string,
  content: Record<string, unknown> = bidBody(),
) {
  return t.http
    .post(`/api/v1/tenders/${tenderId}/bids`)
    .set('authorization', await bearer(t, username))
    .send({ bid: content })
}

export interface SubmittedBidBody {
  id: string
  ciphertextSha256: string
  submittedAt: string
  mode: string
  replaces?: string
}

/** Submits (convenience mode) and insists on 201; returns the bid summary. */
export async function submitOk(
  t: TestApp,
  tenderId: string,
  username: string,
  content?: Record<string, unknown>,
): Promise<SubmittedBidBody> {
  const res = await submit(t, tenderId, username, content)
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.bid as SubmittedBidBody
}

/** The tender's public key as a bidder gets it: GET …/encryption-key. */
export async function tenderJwk(t: TestApp, tenderId: string): Promise<JWK> {
  const res = await t.http.get(`/api/v1/tenders/${tenderId}/encryption-key`)
  if (res.status !== 200) throw new Error(`encryption-key: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.jwk as JWK
}

/** What a bidder's own tool does: encrypt the bid's JSON to the key with a standard JOSE library. */
export async function sealTo(jwk: JWK, content: unknown, kid = jwk.kid): Promise<string> {
  const key = await importJWK(jwk, 'ECDH-ES+A256KW')
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(content)))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid })
    .encrypt(key)
}

/** Submits a JWE (sealed mode), optionally with an Idempotency-Key. */
export async function submitJwe(
  t: TestApp,
  tenderId: string,
  username: string,
  jwe: string,
  idempotencyKey?: string,
) {
  const req = t.http.post(`/api/v1/tenders/${tenderId}/bids`).set('authorization', await bearer(t, username))
  if (idempotencyKey) req.set('idempotency-key', idempotencyKey)
  return req.send({ jwe })
}

export async function post(
  t: TestApp,
  path: string,
  username: string | null,
  body?: Record<string, unknown>,
) {
  const req = t.http.post(`/api/v1/tenders/${path}`)
  if (username) req.set('authorization', await bearer(t, username))
  return body === undefined ? req : req.send(body)
}

export async function get(t: TestApp, path: string, username: string | null) {
  const req = t.http.get(`/api/v1/tenders/${path}`)
  if (username) req.set('authorization', await bearer(t, username))
  return req
}

/** Moves the clock past a tender's deadline (deadline + 1 minute). */
export async function passDeadline(t: TestApp, tenderId: string): Promise<string> {
  const res = await t.http.get(`/api/v1/tenders/${tenderId}`)
  const deadline = res.body.deadline as string
  t.clock.set(new Date(Date.parse(deadline) + 60_000))
  return deadline
}

export const days = (n: number) => n * DAY_MS

export async function rowCount(
  t: TestApp,
  table: 'bids' | 'questions' | 'objections' | 'events' | 'bid_receipts' | 'idempotency_keys',
): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Events, bids, receipts, keys, questions and objections: a refused command must change none of them. */
export async function snapshotCounts(t: TestApp) {
  return {
    events: await rowCount(t, 'events'),
    bids: await rowCount(t, 'bids'),
    receipts: await rowCount(t, 'bid_receipts'),
    idempotencyKeys: await rowCount(t, 'idempotency_keys'),
    questions: await rowCount(t, 'questions'),
    objections: await rowCount(t, 'objections'),
  }
}

/** Status, problem+json content type and code of a response, to compare in one expectation. */
export function problemOf(res: {
  status: number
  headers: Record<string, string>
  body: Record<string, unknown>
}) {
  return {
    status: res.status,
    problemJson: /^application\/problem\+json/.test(res.headers['content-type'] ?? ''),
    code: res.body.code,
  }
}

/**
 * `count` more bidder organisations (fictitious, valid USCCs) for tests that need many bidders at once.
 * The label's first two letters (neither I, O, Z, S nor V) keep their codes apart from another set's.
 */
export async function insertBidderOrgs(t: TestApp, label: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => stableId('org', `${label}-bidder-${i}`))
  const series = label.slice(0, 2).toUpperCase()
  await t.database.db
    .insertInto('organisations')
    .values(
      ids.map((id, i) => ({
        id,
        uscc: completeUscc(`914406${String(i).padStart(2, '0')}M${series}${String(i).padStart(5, '0')}`),
        name: `${label} 投标人${i}（测试）`,
        name_en: `${label} bidder ${i} (test)`,
        kind: 'bidder' as const,
        created_at: t.clock.now(),
      })),
    )
    .execute()
  return ids
}

/** A bearer token for a bidder of an organisation made by insertBidderOrgs. */
export const bidderBearer = (t: TestApp, orgId: string) =>
  t.tokens
    .issue({ userId: stableId('usr', orgId), orgId, roles: ['bidder'] }, 3600)
    .then((jwt) => `Bearer ${jwt}`)
