// Checks every receipt the load process kept the way a bidder would: a standard JOSE library, the
// platform's published JWKS, and the payload naming this tender, bid, bidder, hash and a time before the deadline.
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'
import type { HttpClient } from './http-client.ts'
import type { RequestRecord } from './plan.ts'

export interface ReceiptTally {
  readonly acked: number
  readonly withReceipt: number
  readonly valid: number
  readonly failures: string[]
}

interface Expectation {
  readonly tenderId: string
  readonly uscc: string
  readonly deadline: number
}

async function checkOne(
  record: RequestRecord,
  jws: string,
  keys: ReturnType<typeof createLocalJWKSet>,
  expected: Expectation,
): Promise<string | null> {
  try {
    const { payload } = await compactVerify(jws, keys)
    const p = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>
    if (p.tenderId !== expected.tenderId) return 'another tender'
    if (p.bidId !== record.bidId) return 'another bid'
    if (p.bidderUscc !== expected.uscc) return 'another bidder USCC'
    if (p.ciphertextSha256 !== record.hash) return 'another ciphertext hash'
    if (typeof p.receivedAt !== 'string' || Date.parse(p.receivedAt) >= expected.deadline) {
      return `received at ${String(p.receivedAt)}`
    }
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export async function checkReceipts(
  client: HttpClient,
  records: readonly RequestRecord[],
  o: { tenderIds: readonly string[]; usccs: readonly string[]; deadline: number },
): Promise<ReceiptTally> {
  const acks = records.filter((r) => r.status === 201)
  const withReceipt = acks.filter((r) => r.receipt !== undefined)
  if (withReceipt.length === 0) return { acked: acks.length, withReceipt: 0, valid: 0, failures: [] }
  const reply = await client.request('GET', '/.well-known/jwks.json')
  if (reply.status !== 200) {
    return {
      acked: acks.length,
      withReceipt: withReceipt.length,
      valid: 0,
      failures: [`JWKS: ${reply.status}`],
    }
  }
  const keys = createLocalJWKSet(reply.body as JSONWebKeySet)
  const failures: string[] = []
  for (const record of withReceipt) {
    const expected = {
      tenderId: o.tenderIds[record.tender]!,
      uscc: o.usccs[record.bidder]!,
      deadline: o.deadline,
    }
    const failure = await checkOne(record, record.receipt!, keys, expected)
    if (failure) failures.push(`${record.bidId}: ${failure}`)
  }
  return {
    acked: acks.length,
    withReceipt: withReceipt.length,
    valid: withReceipt.length - failures.length,
    failures,
  }
}
