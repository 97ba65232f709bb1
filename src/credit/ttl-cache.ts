// The short cache of good answers from a remote credit source: lru-cache with a time-to-live, timed by
// the injected clock. An answer is fresh while its age is at most the TTL; the least recently used
// answer goes first when the cache is full. A TTL of 0 caches nothing.
import { LRUCache } from 'lru-cache'
import type { Clock } from '../shared/clock.ts'

export interface TtlCache<V> {
  get(key: string): V | undefined
  set(key: string, value: V): void
}

export function createTtlCache<V extends {}>(ttlMs: number, clock: Clock, maxEntries = 1000): TtlCache<V> {
  if (ttlMs <= 0) return { get: () => undefined, set: () => {} }
  const cache = new LRUCache<string, V>({
    max: maxEntries,
    ttl: ttlMs,
    perf: { now: () => clock.now().getTime() },
    ttlResolution: 0, // read the clock on every check: no real-time timer caches "now"
  })
  return { get: (key) => cache.get(key), set: (key, value) => void cache.set(key, value) }
}
