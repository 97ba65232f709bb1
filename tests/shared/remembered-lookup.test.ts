// Facts remembered by a lookup: a burst of lookups of one key makes one load; failures and answers not
// to keep are asked again; two lookups (two apps, two databases) never share an entry.
import { describe, expect, it } from 'vitest'
import { rememberedLookup } from '../../src/shared/remembered-lookup.ts'

/** A load whose answers the test releases by hand, counting the calls. */
function manualLoad<V>() {
  const calls: { handle: object; key: string; settle: (value: V | Error) => void }[] = []
  const load = (handle: object, key: string) =>
    new Promise<V>((resolve, reject) => {
      calls.push({ handle, key, settle: (v) => (v instanceof Error ? reject(v) : resolve(v)) })
    })
  return { calls, load }
}

describe('rememberedLookup', () => {
  it('shares one load among the lookups in flight, then answers from memory', async () => {
    const { calls, load } = manualLoad<string>()
    const db = {}
    const uscc = rememberedLookup((key: string) => load(db, key))
    const burst = Array.from({ length: 64 }, () => uscc('org-1'))
    expect(calls).toHaveLength(1)
    calls[0]!.settle('91350200776049653A')
    expect(new Set(await Promise.all(burst))).toEqual(new Set(['91350200776049653A']))
    expect(await uscc('org-1')).toBe('91350200776049653A')
    expect(calls).toHaveLength(1)
  })

  it('forgets a failed load: every waiter gets the error, and the next lookup loads again', async () => {
    const { calls, load } = manualLoad<string>()
    const db = {}
    const uscc = rememberedLookup((key: string) => load(db, key))
    const first = uscc('org-1')
    const second = uscc('org-1')
    calls[0]!.settle(new Error('connection lost'))
    await expect(first).rejects.toThrow('connection lost')
    await expect(second).rejects.toThrow('connection lost')
    const third = uscc('org-1')
    expect(calls).toHaveLength(2)
    calls[1]!.settle('91440101MA5CJQ4N59')
    expect(await third).toBe('91440101MA5CJQ4N59')
  })

  it('asks again after an answer it must not keep (a tender with no key yet)', async () => {
    const { calls, load } = manualLoad<string | null>()
    const db = {}
    const terms = rememberedLookup(
      (key: string) => load(db, key),
      (value) => value !== null,
    )
    const before = terms('tnd-1')
    calls[0]!.settle(null)
    expect(await before).toBeNull()
    const after = terms('tnd-1')
    expect(calls).toHaveLength(2)
    calls[1]!.settle('published')
    expect(await after).toBe('published')
    expect(await terms('tnd-1')).toBe('published')
    expect(calls).toHaveLength(2)
  })

  it('keeps each lookup apart (one per app, over its own database)', async () => {
    const { calls, load } = manualLoad<string>()
    const ofOne = rememberedLookup((key: string) => load({ name: 'test database 1' }, key))
    const ofTwo = rememberedLookup((key: string) => load({ name: 'test database 2' }, key))
    const one = ofOne('org-1')
    const two = ofTwo('org-1')
    expect(calls.map((c) => c.handle)).toEqual([{ name: 'test database 1' }, { name: 'test database 2' }])
    calls[0]!.settle('a')
    calls[1]!.settle('b')
    expect([await one, await two]).toEqual(['a', 'b'])
  })
})
