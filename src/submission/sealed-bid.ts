// Sealed bids are compact JWEs (RFC 7516) to the tender's key. Here: checking a bidder's JWE without
// decrypting it, sealing a convenience-mode plaintext bid, and the ciphertext hash.
import { base64url, CompactEncrypt, importJWK, type JWK } from 'jose'
import { canonicalJson } from '../events/canonical-json.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { TENDER_CONTENT_ENC, TENDER_KEY_ALG } from '../keys/tender-keys.ts'
import type { BidContent } from './bid-content.ts'

export type SealMode = 'jwe' | 'plaintext-convenience'

export interface SealedBid {
  readonly jwe: string
  /** SHA-256 (hex) over the compact JWE's UTF-8 bytes. */
  readonly ciphertextSha256: string
  readonly mode: SealMode
}

const BASE64URL = /^[A-Za-z0-9_-]*$/
/** Byte sizes fixed by ECDH-ES+A256KW (a wrapped 256-bit key) and A256GCM (96-bit IV, 128-bit tag). */
const WRAPPED_KEY_BYTES = 40
const IV_BYTES = 12
const TAG_BYTES = 16

export const ciphertextSha256 = (jwe: string): string => sha256Hex(jwe)

const decodedBytes = (part: string) => Math.floor((part.length * 3) / 4)

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function protectedHeaderOf(part: string): Record<string, unknown> | null {
  try {
    const header: unknown = JSON.parse(strictUtf8.decode(base64url.decode(part)))
    return typeof header === 'object' && header !== null && !Array.isArray(header)
      ? (header as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function headerProblem(header: Record<string, unknown>, tenderKey: JWK): string | null {
  if (header.alg !== TENDER_KEY_ALG) return `the header's alg must be ${TENDER_KEY_ALG}`
  if (header.enc !== TENDER_CONTENT_ENC) return `the header's enc must be ${TENDER_CONTENT_ENC}`
  if (header.kid !== tenderKey.kid) return `the header's kid must be the tender key's kid ${tenderKey.kid}`
  if (header.zip !== undefined) return 'compressed JWEs (zip) are not accepted'
  if (header.crit !== undefined) return 'critical header parameters (crit) are not accepted'
  const epk = header.epk as { kty?: unknown; crv?: unknown } | undefined
  if (typeof epk !== 'object' || epk === null || epk.kty !== tenderKey.kty || epk.crv !== tenderKey.crv) {
    return `the header's epk must be an ephemeral ${String(tenderKey.kty)} ${String(tenderKey.crv)} public key`
  }
  return null
}

/**
 * Why the text is not a compact JWE to this tender key, or null when it is one. Only the structure is
 * known before opening: such a JWE may still fail to decrypt, which is then the bidder's doing.
 */
export function jweProblem(jwe: string, tenderKey: JWK): string | null {
  const parts = jwe.split('.')
  if (parts.length !== 5) return 'a compact JWE has five parts separated by dots'
  if (!parts.every((part) => BASE64URL.test(part))) return 'each part must be base64url without padding'
  const [header, wrappedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string]
  const parsed = protectedHeaderOf(header)
  if (parsed === null) return 'the protected header is not a base64url JSON object'
  const problem = headerProblem(parsed, tenderKey)
  if (problem !== null) return problem
  if (decodedBytes(wrappedKey) !== WRAPPED_KEY_BYTES)
    return `the encrypted key must be ${WRAPPED_KEY_BYTES} bytes`
  if (decodedBytes(iv) !== IV_BYTES) return `the IV must be ${IV_BYTES} bytes`
  if (decodedBytes(tag) !== TAG_BYTES) return `the authentication tag must be ${TAG_BYTES} bytes`
  if (ciphertext.length === 0) return 'the ciphertext is empty'
  return null
}

/** Convenience mode: the server encrypts the bid (its RFC 8785 JSON) to the tender key before storing it. */
export async function sealPlaintext(content: BidContent, tenderKey: JWK): Promise<SealedBid> {
  const key = await importJWK(tenderKey, TENDER_KEY_ALG)
  const jwe = await new CompactEncrypt(new TextEncoder().encode(canonicalJson(content)))
    .setProtectedHeader({ alg: TENDER_KEY_ALG, enc: TENDER_CONTENT_ENC, kid: tenderKey.kid })
    .encrypt(key)
  return { jwe, ciphertextSha256: ciphertextSha256(jwe), mode: 'plaintext-convenience' }
}
