// Given an app logging everything (level trace), when bids are submitted in plaintext and JWE mode, sent
// malformed, retried and opened, then no log line holds the bid's content, its ciphertext or its JWE.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bearer,
  bidBody,
  createPublished,
  passDeadline,
  sealTo,
  submitOk,
  tenderJwk,
} from '../support/bidding.ts'
import { tracingApp } from '../support/second-app.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

const MARKER = `SEALED-MARKER-${randomBytes(8).toString('hex')}`
const PRICE = '3791357911'

let t: TestApp
let logged: Awaited<ReturnType<typeof tracingApp>>
let lines: string[] = []
beforeAll(async () => {
  t = await startTestApp()
  logged = await tracingApp(t)
  lines = logged.lines
})
afterAll(async () => {
  await logged?.close()
  await t.close()
})

const secretBid = () => ({
  ...bidBody(PRICE),
  items: [{ name: `${MARKER} 沥青路面`, quantity: 1, unitPriceFen: PRICE }],
})

async function send(tenderId: string, body: string | Record<string, unknown>, username = 'bidder1') {
  const req = logged.http
    .post(`/api/v1/tenders/${tenderId}/bids`)
    .set('authorization', await bearer(t, username))
    .set('content-type', 'application/json')
    .set('idempotency-key', `log-${username}`)
  return req.send(typeof body === 'string' ? body : JSON.stringify(body))
}

describe('logs at level trace around sealed bids', () => {
  const secrets: string[] = [MARKER, PRICE]

  beforeAll(async () => {
    const tenderId = await createPublished(t)
    const plain = await send(tenderId, { bid: secretBid() })
    expect(plain.status).toBe(201)
    expect((await send(tenderId, { bid: secretBid() })).headers['idempotent-replayed']).toBe('true')
    const row = await t.database.db
      .selectFrom('bids')
      .select('ciphertext')
      .where('id', '=', plain.body.bid.id)
      .executeTakeFirstOrThrow()
    secrets.push(row.ciphertext ?? 'missing')

    const jwe = await sealTo(await tenderJwk(t, tenderId), secretBid())
    secrets.push(jwe, jwe.split('.')[3] ?? 'missing')
    expect((await send(tenderId, { jwe }, 'bidder2')).status).toBe(201)

    // Refused bodies are logged no more than accepted ones: malformed JSON, an unknown field.
    expect((await send(tenderId, `{"bid": {"priceFen": "${MARKER}"`, 'bidder3')).status).toBe(400)
    expect((await send(tenderId, { bid: secretBid(), note: MARKER }, 'bidder4')).status).toBe(400)

    await submitOk(t, tenderId, 'bidder5')
    await passDeadline(t, tenderId)
    const operator = await bearer(t, 'operator')
    expect(
      (await logged.http.post(`/api/v1/tenders/${tenderId}/close-bidding`).set('authorization', operator))
        .status,
    ).toBe(200)
    expect(
      (await logged.http.post(`/api/v1/tenders/${tenderId}/open`).set('authorization', operator)).status,
    ).toBe(200)
  })

  it('logged the requests at all (the check below is not vacuous)', () => {
    const text = lines.join('')
    expect(text).toMatch(/request completed/)
    expect(text).toMatch(/\/bids/)
    expect(text).toMatch(/"statusCode":400/)
  })

  it('never logged the content, the ciphertext or the JWE', () => {
    const text = lines.join('')
    for (const secret of secrets)
      expect(text.includes(secret), `log holds ${secret.slice(0, 40)}…`).toBe(false)
  })
})
