// Verifies a record (its PDF bytes and compact JWS) against a JWKS, with Node's own Ed25519: the
// endpoint, the CLI and replay give the same verdict. Pure (no I/O). A key is revoked when the caller
// says so (this installation's database) or when its JWK carries "revoked_at" (a published JWKS).
import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto'
import { asRecordPayload, RECORD_TYP, type RecordPayload, sha256Hex } from './sign-record.ts'

export const RECORD_VERDICTS = [
  'valid',
  'malformed', // not a compact JWS at all
  'not_a_record', // a JWS, but not of a record (another typ, or a payload of another shape)
  'unknown_key', // no key with its kid in the JWKS
  'signature_invalid', // the signature does not match the JWS and the key
  'revoked', // signed by a key the platform has revoked (no longer trusted)
  'hash_mismatch', // the PDF is not the one the JWS signed
] as const
export type RecordVerdictName = (typeof RECORD_VERDICTS)[number]

export interface RecordVerdict {
  readonly valid: boolean
  readonly verdict: RecordVerdictName
  readonly detail: string
  /** The signing key named in the JWS header, when it could be read. */
  readonly kid: string | null
  /** SHA-256 of the PDF bytes given. */
  readonly pdfSha256: string
  /** The signed payload, once the signature is known to be good. */
  readonly payload: RecordPayload | null
}

/** A public JWK as published (RFC 7517), possibly with the platform's revocation mark. */
export interface PublishedJwk {
  readonly kid?: string
  readonly revoked_at?: unknown
  readonly [member: string]: unknown
}

export interface VerifyOptions {
  /** Kids this installation has revoked (from its database). */
  readonly revokedKids?: ReadonlySet<string>
}

const BASE64URL = /^[A-Za-z0-9_-]*$/

/** Strict base64url: a changed character that decodes to the same bytes is still a change. */
function decodeBase64url(part: string): Buffer | null {
  if (!BASE64URL.test(part)) return null
  const bytes = Buffer.from(part, 'base64url')
  return bytes.toString('base64url') === part ? bytes : null
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
}

function importEd25519(jwk: PublishedJwk): KeyObject | null {
  try {
    const { revoked_at: _revoked, ...members } = jwk
    const key = createPublicKey({ key: members as JsonWebKey, format: 'jwk' })
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
  }
}

export function verifyRecord(
  pdf: Uint8Array,
  jws: string,
  jwks: { readonly keys: readonly PublishedJwk[] },
  options: VerifyOptions = {},
): RecordVerdict {
  const pdfSha256 = sha256Hex(pdf)
  let kid: string | null = null
  const fail = (verdict: RecordVerdictName, detail: string, payload: RecordPayload | null = null) => ({
    valid: false,
    verdict,
    detail,
    kid,
    pdfSha256,
    payload,
  })

  const parts = jws.trim().split('.')
  if (parts.length !== 3) return fail('malformed', 'a compact JWS has three parts separated by dots')
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]
  const headerBytes = decodeBase64url(headerPart)
  const header = headerBytes ? parseJson(headerBytes) : undefined
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    return fail('malformed', 'the JWS header is not base64url JSON')
  const { typ, alg, kid: headerKid } = header as Record<string, unknown>
  if (typeof headerKid === 'string') kid = headerKid
  if (typ !== RECORD_TYP) return fail('not_a_record', `typ is ${String(typ)}, not ${RECORD_TYP}`)
  if (kid === null) return fail('malformed', 'the JWS header names no kid')

  const jwk = jwks.keys.find((key) => key.kid === kid)
  if (!jwk) return fail('unknown_key', `no key with kid ${kid} in the JWKS`)
  const key = importEd25519(jwk)
  if (!key) return fail('unknown_key', `the key ${kid} in the JWKS is not a usable Ed25519 public key`)
  if (alg !== 'EdDSA') return fail('signature_invalid', `alg is ${String(alg)}, not EdDSA`)
  const signature = decodeBase64url(signaturePart)
  const payloadBytes = decodeBase64url(payloadPart)
  const signingInput = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii')
  if (!signature || !payloadBytes || !verify(null, signingInput, key, signature))
    return fail('signature_invalid', `the signature does not match the JWS and the key ${kid}`)

  const payload = asRecordPayload(parseJson(payloadBytes))
  if (!payload) return fail('not_a_record', 'the signed payload is not a record')
  const revokedAt = typeof jwk.revoked_at === 'string' ? jwk.revoked_at : null
  if (revokedAt !== null || options.revokedKids?.has(kid))
    return fail('revoked', `the key ${kid} was revoked${revokedAt ? ` at ${revokedAt}` : ''}`, payload)
  if (payload.pdfSha256 !== pdfSha256)
    return fail(
      'hash_mismatch',
      `the PDF's SHA-256 is ${pdfSha256}, the JWS signed ${payload.pdfSha256}: not the signed bytes`,
      payload,
    )
  return {
    valid: true,
    verdict: 'valid',
    detail: `record ${payload.recordId} (${payload.type}) as signed by ${kid}`,
    kid,
    pdfSha256,
    payload,
  }
}
