// Remembers tokens already verified until they expire, so a bidder's burst of requests at the deadline
// pays for one signature check, not one per request. Expiry is still judged by the injected clock.
import type { Clock } from '../shared/clock.ts'
import type { TokenClaims } from './token-issuer.ts'

export interface VerifiedToken {
  readonly claims: TokenClaims
  /** Epoch milliseconds of the token's `exp`. */
  readonly expiresAt: number
}

export function cacheVerifiedTokens(
  verify: (token: string) => Promise<VerifiedToken>,
  clock: Clock,
  maxEntries = 10_000,
): (token: string) => Promise<TokenClaims> {
  const cache = new Map<string, VerifiedToken>()
  return async (token) => {
    const now = clock.now().getTime()
    const hit = cache.get(token)
    if (hit && hit.expiresAt > now) return hit.claims
    if (hit) cache.delete(token)
    const verified = await verify(token)
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string) // the oldest
    cache.set(token, verified)
    return verified.claims
  }
}
