// Verifies a bid receipt against a JWKS: the platform's own endpoint, the CLI and any bidder do the same.
import {
  compactVerify,
  decodeProtectedHeader,
  errors,
  importJWK,
  type JWK,
  type ProtectedHeaderParameters,
} from 'jose'
import { asBidReceiptPayload, BID_RECEIPT_TYP, type BidReceiptPayload } from './bid-receipt.ts'

export type ReceiptVerdict =
  | { valid: true; payload: BidReceiptPayload; kid: string }
  | {
      valid: false
      reason: 'malformed' | 'unknown_key' | 'signature_invalid' | 'not_a_receipt' | 'revoked'
      detail: string
    }

const ALGORITHMS = ['EdDSA']

export async function verifyBidReceipt(jws: string, jwks: { keys: JWK[] }): Promise<ReceiptVerdict> {
  const compact = jws.trim()
  let header: ProtectedHeaderParameters
  try {
    if (compact.split('.').length !== 3) throw new Error('a compact JWS has three parts')
    header = decodeProtectedHeader(compact)
  } catch (error) {
    return { valid: false, reason: 'malformed', detail: `not a compact JWS: ${(error as Error).message}` }
  }
  if (header.typ !== BID_RECEIPT_TYP) {
    return {
      valid: false,
      reason: 'not_a_receipt',
      detail: `typ is ${String(header.typ)}, not ${BID_RECEIPT_TYP}`,
    }
  }
  const jwk = jwks.keys.find((key) => key.kid !== undefined && key.kid === header.kid)
  if (!jwk) {
    return {
      valid: false,
      reason: 'unknown_key',
      detail: `no key with kid ${String(header.kid)} in the JWKS`,
    }
  }
  // A revoked key stays published with "revoked_at": what it signed is no longer to be trusted.
  const { revoked_at: revokedAt, ...publicJwk } = jwk as JWK & { revoked_at?: unknown }
  const verified = await verifySignature(compact, publicJwk)
  if ('reason' in verified) return verified
  const payload = asBidReceiptPayload(verified.json)
  if (!payload) return { valid: false, reason: 'not_a_receipt', detail: 'the payload is not a bid receipt' }
  if (typeof revokedAt === 'string') {
    return { valid: false, reason: 'revoked', detail: `the key ${header.kid} was revoked at ${revokedAt}` }
  }
  return { valid: true, payload, kid: header.kid as string }
}

async function verifySignature(
  compact: string,
  jwk: JWK,
): Promise<{ json: unknown } | Extract<ReceiptVerdict, { valid: false }>> {
  let payload: Uint8Array
  try {
    const key = await importJWK(jwk, jwk.alg ?? 'EdDSA')
    payload = (await compactVerify(compact, key, { algorithms: ALGORITHMS })).payload
  } catch (error) {
    const failed =
      error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed
    return {
      valid: false,
      reason: failed ? 'signature_invalid' : 'malformed',
      detail: failed ? 'the signature does not match the payload and key' : (error as Error).message,
    }
  }
  try {
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) }
  } catch {
    return { valid: false, reason: 'not_a_receipt', detail: 'the payload is not JSON' }
  }
}
