// Given an Idempotency-Key on a submission or withdrawal, when the request is retried with the same key
// and body, then the first response (same status, same receipt) comes back and nothing changes; the same
// key with another body is 422 idempotency_key_reused; a malformed key is 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bearer,
  bidBody,
  createPublished,
  days,
  sealTo,
  snapshotCounts,
  submitJwe,
  tenderJwk,
} from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function submitWithKey(tenderId: string, key: string, body: Record<string, unknown>) {
  return t.http
    .post(`/api/v1/tenders/${tenderId}/bids`)
    .set('authorization', await bearer(t, 'bidder1'))
    .set('idempotency-key', key)
    .send(body)
}

async function withdrawWithKey(tenderId: string, bidId: string, key: string) {
  return t.http
    .delete(`/api/v1/tenders/${tenderId}/bids/${bidId}`)
    .set('authorization', await bearer(t, 'bidder1'))
    .set('idempotency-key', key)
}

describe('retrying a submission with its Idempotency-Key', () => {
  it('returns the first response, receipt included, and creates one bid (plaintext mode)', async () => {
    const tenderId = await createPublished(t)
    const body = { bid: bidBody('3790000000') }
    const first = await submitWithKey(tenderId, 'sub-0001', body)
    expect(first.status).toBe(201)
    const before = await snapshotCounts(t)
    t.clock.advance(60_000)
    const retry = await submitWithKey(tenderId, 'sub-0001', body)
    expect(retry.status).toBe(201)
    expect(retry.body).toEqual(first.body)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.headers.location).toBe(first.headers.location)
    expect(await snapshotCounts(t)).toEqual(before)
  })

  it('returns the first response after the deadline too: the bid was accepted in time', async () => {
    const tenderId = await createPublished(t)
    const jwe = await sealTo(await tenderJwk(t, tenderId), bidBody())
    const first = await submitJwe(t, tenderId, 'bidder1', jwe, 'sub:late.retry_1')
    expect(first.status).toBe(201)
    t.clock.advance(days(30))
    const retry = await submitJwe(t, tenderId, 'bidder1', jwe, 'sub:late.retry_1')
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body })
    const fresh = await submitJwe(t, tenderId, 'bidder1', jwe, 'sub:late.retry_2')
    expect(fresh.status).toBe(409)
    expect(fresh.body.code).toBe('bidding_closed')
  })

  it('refuses the same key with another body with 422 idempotency_key_reused and changes nothing', async () => {
    const tenderId = await createPublished(t)
    expect((await submitWithKey(tenderId, 'sub-0002', { bid: bidBody('3790000000') })).status).toBe(201)
    const before = await snapshotCounts(t)
    const other = await submitWithKey(tenderId, 'sub-0002', { bid: bidBody('3780000000') })
    expect(other.status).toBe(422)
    expect(other.body.code).toBe('idempotency_key_reused')
    const elsewhere = await submitWithKey(await createPublished(t), 'sub-0002', {
      bid: bidBody('3790000000'),
    })
    expect(elsewhere.body.code).toBe('idempotency_key_reused')
    expect(await snapshotCounts(t)).toMatchObject({ bids: before.bids, receipts: before.receipts })
  })

  it('keys are per organisation: another bidder may use the same key', async () => {
    const tenderId = await createPublished(t)
    expect((await submitWithKey(tenderId, 'sub-0003', { bid: bidBody() })).status).toBe(201)
    const res = await t.http
      .post(`/api/v1/tenders/${tenderId}/bids`)
      .set('authorization', await bearer(t, 'bidder2'))
      .set('idempotency-key', 'sub-0003')
      .send({ bid: bidBody() })
    expect(res.status).toBe(201)
    expect(res.headers['idempotent-replayed']).toBeUndefined()
  })

  it.each(['', 'has space', 'x'.repeat(129), 'ümlaut'])('refuses the key %j with 400', async (key) => {
    const tenderId = await createPublished(t)
    const req = t.http
      .post(`/api/v1/tenders/${tenderId}/bids`)
      .set('authorization', await bearer(t, 'bidder1'))
      .set('idempotency-key', key)
    const res = await req.send({ bid: bidBody() })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('validation_failed')
  })
})

describe('retrying a withdrawal with its Idempotency-Key', () => {
  it('returns the first response and its receipt instead of 409 illegal_transition', async () => {
    const tenderId = await createPublished(t)
    const submitted = await submitWithKey(tenderId, 'wd-submit', { bid: bidBody() })
    const bidId = submitted.body.bid.id as string
    const first = await withdrawWithKey(tenderId, bidId, 'wd-0001')
    expect(first.status).toBe(200)
    expect(first.body.bid.state).toBe('withdrawn')
    const before = await snapshotCounts(t)
    const retry = await withdrawWithKey(tenderId, bidId, 'wd-0001')
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body })
    expect(await snapshotCounts(t)).toEqual(before)
    const reused = await withdrawWithKey(tenderId, bidId, 'wd-submit')
    expect(reused.status).toBe(422)
    expect(reused.body.code).toBe('idempotency_key_reused')
  })
})
