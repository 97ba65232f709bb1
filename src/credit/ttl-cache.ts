// A small time-to-live cache for remote credit answers (the clock is injected); the oldest entry goes
// first when it is full.
import type { Clock } from '../shared/clock.ts'

export interface TtlCache<V> {
  get(key: string): V | undefined
  set(key: string, value: V): void
}

export function createTtlCache<V>(ttlMs: number, clock: Clock, maxEntries = 1000): TtlCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>()
  return {
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (clock.now().getTime() >= entry.expiresAt) {
        entries.delete(key)
        return undefined
      }
      return entry.value
    },
    set(key, value) {
      if (ttlMs <= 0) return
      entries.delete(key)
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      entries.set(key, { value, expiresAt: clock.now().getTime() + ttlMs })
    },
  }
}
