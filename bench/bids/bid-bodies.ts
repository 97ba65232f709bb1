// Bid bodies made before the timed window: a conforming bid form per bidder, sealed client-side with
// jose CompactEncrypt to the tender's published JWK (jwe mode), or sent as plaintext (fallback modes).
import { createHash } from 'node:crypto'
import { CompactEncrypt, importJWK, type JWK } from 'jose'
import { canonicalJson } from '../../src/events/canonical-json.ts'
import type { BidMode } from './plan.ts'

export interface TenderKey {
  readonly jwk: JWK
  readonly alg: string
  readonly enc: string
}

export interface PreparedBody {
  /** The serialised request body. */
  readonly json: string
  /** SHA-256 (hex) the client expects the server to acknowledge, when it can know it in advance. */
  readonly clientHash?: string
}

/** A deterministic pseudo-random source (mulberry32), so runs differ only where the server differs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A bid that opening accepts: the items add up to the price, both declarations are made. */
export function bidForm(random: () => number) {
  const items = Array.from({ length: 8 }, (_, i) => ({
    name: `分部分项工程第${i + 1}项（沥青混凝土路面、雨污分流管网）`,
    quantity: 100 + Math.floor(random() * 5000),
    unitPriceFen: String(1000 + Math.floor(random() * 90000)),
  }))
  const price = items.reduce((sum, item) => sum + BigInt(item.quantity) * BigInt(item.unitPriceFen), 0n)
  return {
    priceFen: price.toString(),
    durationDays: 180 + Math.floor(random() * 180),
    items,
    declarations: { noCollusion: true, qualificationsMet: true },
  }
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

export type Sealer = (content: object) => Promise<PreparedBody>

/** How to turn a bid form into a request body for the given mode. */
export async function sealerFor(mode: BidMode, key: TenderKey | null): Promise<Sealer> {
  if (mode === 'bid') return async (content) => ({ json: JSON.stringify({ bid: content }) })
  if (mode === 'raw') {
    return async (content) => ({
      json: JSON.stringify(content),
      clientHash: sha256Hex(canonicalJson(content)),
    })
  }
  if (!key) throw new Error('jwe mode needs the tender key')
  const publicKey = await importJWK(key.jwk, key.alg)
  return async (content) => {
    const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(content)))
      .setProtectedHeader({ alg: key.alg, enc: key.enc, ...(key.jwk.kid ? { kid: key.jwk.kid } : {}) })
      .encrypt(publicKey)
    return { json: JSON.stringify({ jwe }), clientHash: sha256Hex(jwe) }
  }
}
