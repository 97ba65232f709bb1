// The cache of remote credit answers: fresh for its TTL on the injected clock, the least recently used
// answer evicted first when full, nothing cached with a TTL of 0.
import { describe, expect, it } from 'vitest'
import { createTtlCache } from '../../src/credit/ttl-cache.ts'
import { manualClock } from '../../src/shared/clock.ts'

describe('the credit answer cache', () => {
  it('keeps an answer while its age is at most the TTL, by the clock it is given', () => {
    const clock = manualClock('2026-03-02T00:00:00Z')
    const cache = createTtlCache<string>(60_000, clock)
    cache.set('a', 'answer')
    clock.advance(60_000)
    expect(cache.get('a')).toBe('answer')
    clock.advance(1)
    expect(cache.get('a')).toBeUndefined()
  })

  it('evicts the least recently used answer when full', () => {
    const cache = createTtlCache<string>(60_000, manualClock('2026-03-02T00:00:00Z'), 2)
    cache.set('a', 'A')
    cache.set('b', 'B')
    expect(cache.get('a')).toBe('A') // a is now the most recently used
    cache.set('c', 'C')
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C'])
  })

  it('caches nothing with a TTL of 0', () => {
    const cache = createTtlCache<string>(0, manualClock('2026-03-02T00:00:00Z'))
    cache.set('a', 'A')
    expect(cache.get('a')).toBeUndefined()
  })
})
