// Each failure gives its own verdict: a changed PDF byte → hash_mismatch, a changed JWS signature →
// signature_invalid, a JWKS without the key → unknown_key, a revoked key → revoked; through the
// verifier, the stored-record endpoint and the upload endpoint alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueBidReceipt } from '../../src/receipts/bid-receipt.ts'
import { findRecord, type StoredRecord } from '../../src/records/record-repository.ts'
import { drainRecordOutbox } from '../../src/records/record-worker.ts'
import { revokeSigningKey } from '../../src/records/revoke-key.ts'
import { type PublishedJwk, verifyRecord } from '../../src/records/verify-record.ts'
import { receiptPayload } from '../receipts/support.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { cancelledTender, changeByte, changeChar, recordDeps } from './support.ts'

let t: TestApp
let record: StoredRecord
let jwks: { keys: PublishedJwk[] }
beforeAll(async () => {
  t = await startTestApp()
  const tenderId = await cancelledTender(t)
  const [issued] = await drainRecordOutbox(recordDeps(t))
  expect(issued?.outcome).toBe('issued')
  record = await findRecord(t.database.db, issued!.job.recordId)
  expect(record.tenderId).toBe(tenderId)
  jwks = (await t.keys.jwks()) as { keys: PublishedJwk[] }
})
afterAll(() => t?.close())

/** The middle character of the JWS's signature part. */
const signatureIndex = (jws: string) =>
  jws.lastIndexOf('.') + Math.floor((jws.length - jws.lastIndexOf('.')) / 2)

const upload = (pdf: Buffer, jws: string) =>
  t.http.post('/api/v1/records/verify').send({ pdfBase64: pdf.toString('base64'), jws })

describe('verifying a record', () => {
  it('finds the stored record valid, and says what it certifies', () => {
    const verdict = verifyRecord(record.pdf, record.jws, jwks)
    expect(verdict).toMatchObject({
      valid: true,
      verdict: 'valid',
      kid: record.kid,
      pdfSha256: record.pdfSha256,
    })
    expect(verdict.payload).toEqual({
      recordId: record.recordId,
      type: 'replay_certificate',
      tenderId: record.tenderId,
      recipientOrgId: null,
      certifiedEvent: { seq: record.certifiedEvent.seq, hash: record.certifiedEvent.hash },
      pdfSha256: record.pdfSha256,
      issuedAt: record.issuedAt,
    })
  })

  it('gives hash_mismatch for one changed byte of the PDF, anywhere', () => {
    for (const index of [0, Math.floor(record.pdf.length / 2), record.pdf.length - 1]) {
      const verdict = verifyRecord(changeByte(record.pdf, index), record.jws, jwks)
      expect(verdict, `byte ${index}`).toMatchObject({ valid: false, verdict: 'hash_mismatch' })
    }
  })

  it('gives signature_invalid for one changed character of the JWS signature or payload', () => {
    const inSignature = changeChar(record.jws, signatureIndex(record.jws))
    expect(verifyRecord(record.pdf, inSignature, jwks)).toMatchObject({ verdict: 'signature_invalid' })
    const payloadMiddle = record.jws.indexOf('.') + 20
    expect(verifyRecord(record.pdf, changeChar(record.jws, payloadMiddle), jwks)).toMatchObject({
      verdict: 'signature_invalid',
    })
    // The last character of the signature carries padding bits: a change there is still a change.
    const last = record.jws.length - 1
    expect(verifyRecord(record.pdf, changeChar(record.jws, last), jwks)).toMatchObject({
      valid: false,
      verdict: 'signature_invalid',
    })
  })

  it('gives unknown_key against a JWKS without its key', () => {
    const without = { keys: jwks.keys.filter((key) => key.kid !== record.kid) }
    expect(verifyRecord(record.pdf, record.jws, without)).toMatchObject({
      valid: false,
      verdict: 'unknown_key',
      kid: record.kid,
    })
    expect(verifyRecord(record.pdf, record.jws, { keys: [] })).toMatchObject({ verdict: 'unknown_key' })
  })

  it('gives signature_invalid when another key carries its kid (a forged JWKS entry)', async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })
    const forged = { keys: [{ ...other, kid: record.kid, alg: 'EdDSA', use: 'sig' }] }
    expect(verifyRecord(record.pdf, record.jws, forged)).toMatchObject({ verdict: 'signature_invalid' })
  })

  it('gives malformed for text that is no JWS, not_a_record for a bid receipt', async () => {
    expect(verifyRecord(record.pdf, 'not a jws', jwks)).toMatchObject({ verdict: 'malformed' })
    expect(verifyRecord(record.pdf, 'a.b.c', jwks)).toMatchObject({ verdict: 'malformed' })
    const receipt = await issueBidReceipt(t.keys, receiptPayload)
    expect(verifyRecord(record.pdf, receipt, jwks)).toMatchObject({ verdict: 'not_a_record' })
  })
})

describe('the verify endpoints', () => {
  it('verify the stored record by id, without a token', async () => {
    const res = await t.http.get(`/api/v1/records/${record.recordId}/verify`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ valid: true, verdict: 'valid', pdfSha256: record.pdfSha256 })
  })

  it('verify an uploaded PDF and JWS, with the right verdict for each change', async () => {
    expect((await upload(record.pdf, record.jws)).body).toMatchObject({ valid: true, verdict: 'valid' })
    const flippedPdf = await upload(changeByte(record.pdf, 100), record.jws)
    expect(flippedPdf.status).toBe(200)
    expect(flippedPdf.body).toMatchObject({ valid: false, verdict: 'hash_mismatch' })
    const flippedJws = await upload(record.pdf, changeChar(record.jws, signatureIndex(record.jws)))
    expect(flippedJws.body).toMatchObject({ valid: false, verdict: 'signature_invalid' })
  })

  it('refuse bad uploads with 400 problems, never a 5xx', async () => {
    const bodies: unknown[] = [
      {},
      { pdfBase64: record.pdf.toString('base64') },
      { jws: record.jws },
      { pdfBase64: '!!!not base64!!!', jws: record.jws },
      { pdfBase64: 'abc', jws: record.jws },
      { pdfBase64: 'QUJD', jws: record.jws, extra: true },
      { pdfBase64: 42, jws: record.jws },
      { pdfBase64: 'QUJD', jws: '' },
    ]
    for (const body of bodies) {
      const res = await t.http.post('/api/v1/records/verify').send(body as object)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    }
    const garbage = await t.http.post('/api/v1/records/verify').send({ pdfBase64: 'QUJD', jws: 'x.y.z' })
    expect(garbage.status).toBe(200)
    expect(garbage.body).toMatchObject({ valid: false, verdict: 'malformed' })
    for (const id of ['rec_00000000000000000000000000000000', 'nope', 'rec_XYZ']) {
      const res = await t.http.get(`/api/v1/records/${id}/verify`)
      expect([400, 404]).toContain(res.status)
    }
  })
})

describe('a revoked key', () => {
  it('makes what it signed verify as revoked, and the platform signs on with a new key', async () => {
    const revoked = await revokeSigningKey(t.database.db, t.keys, {
      kid: record.kid,
      reason: '私钥疑似泄露 / private key suspected compromised',
      at: t.clock.now(),
      actorUserId: null,
    })
    expect(revoked.newActiveKid).not.toBe(record.kid)
    // The published JWKS still has the key, marked revoked: old records are not "unknown".
    const published = (await t.http.get('/.well-known/jwks.json')).body as { keys: PublishedJwk[] }
    expect(published.keys.find((key) => key.kid === record.kid)).toMatchObject({
      revoked_at: revoked.revokedAt,
    })
    expect(verifyRecord(record.pdf, record.jws, published)).toMatchObject({
      valid: false,
      verdict: 'revoked',
    })
    const stored = await t.http.get(`/api/v1/records/${record.recordId}/verify`)
    expect(stored.body).toMatchObject({ valid: false, verdict: 'revoked', kid: record.kid })
    expect((await upload(record.pdf, record.jws)).body).toMatchObject({ verdict: 'revoked' })

    // A record made after the revocation is signed by the new key and valid.
    await cancelledTender(t)
    const [next] = await drainRecordOutbox(recordDeps(t))
    expect(next?.outcome).toBe('issued')
    const fresh = await t.http.get(`/api/v1/records/${next!.job.recordId}/verify`)
    expect(fresh.body).toMatchObject({ valid: true, kid: revoked.newActiveKid })
  })
})
