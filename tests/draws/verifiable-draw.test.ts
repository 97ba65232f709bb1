// The verifiable draw (DESIGN §6): deterministic from its inputs, blind to the pool's order, close to
// uniform over many seeds, and verifyDraw refuses any change to secret, seed, head or selection.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  commitmentOf,
  drawSeed,
  performDraw,
  selectBySeed,
  verifyDraw,
} from '../../src/draws/verifiable-draw.ts'
import { sha256Hex } from '../../src/events/hash-chain.ts'

const POOL = Array.from({ length: 9 }, (_, i) => `usr_${sha256Hex(`expert${i + 1}`).slice(0, 32)}`)
const SECRET = 'a'.repeat(64)
const HEAD = sha256Hex('the event before the draw')

describe('performDraw and selectBySeed', () => {
  it('is deterministic: the same pool, size, secret and head give the same draw', () => {
    const first = performDraw(POOL, 5, SECRET, HEAD)
    expect(performDraw(POOL, 5, SECRET, HEAD)).toEqual(first)
    expect(first.selected).toHaveLength(5)
    expect(new Set(first.selected).size).toBe(5)
    expect(first.secretCommitment).toBe(commitmentOf(SECRET))
    expect(first.seed).toBe(drawSeed(SECRET, HEAD, 5, POOL))
    expect(first.pool).toEqual([...POOL].sort())
  })

  it('binds the seed to the secret, the stream head, the size and the pool', () => {
    const seed = drawSeed(SECRET, HEAD, 5, POOL)
    expect(drawSeed(SECRET, HEAD, 5, [...POOL].reverse())).toBe(seed)
    expect(drawSeed('b'.repeat(64), HEAD, 5, POOL)).not.toBe(seed)
    expect(drawSeed(SECRET, sha256Hex('another head'), 5, POOL)).not.toBe(seed)
    expect(drawSeed(SECRET, HEAD, 7, POOL)).not.toBe(seed)
    expect(drawSeed(SECRET, HEAD, 5, POOL.slice(1))).not.toBe(seed)
  })

  it('does not depend on the order (or repeats) of the pool given', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(POOL, { minLength: POOL.length, maxLength: POOL.length }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 0, max: POOL.length }),
        (shuffled, seed, count) => {
          const expected = selectBySeed(POOL, count, seed)
          expect(selectBySeed(shuffled, count, seed)).toEqual(expected)
          expect(selectBySeed([...shuffled, ...shuffled.slice(0, 3)], count, seed)).toEqual(expected)
        },
      ),
    )
  })

  it('selects a prefix of one shuffle, which is why the seed covers the size', () => {
    const seed = drawSeed(SECRET, HEAD, 5, POOL)
    expect(selectBySeed(POOL, 9, seed).slice(0, 5)).toEqual(selectBySeed(POOL, 5, seed))
  })

  it('spreads close to uniformly over many seeds', () => {
    const runs = 9000
    const picked = new Map<string, number>(POOL.map((id) => [id, 0]))
    const first = new Map<string, number>(POOL.map((id) => [id, 0]))
    for (let i = 0; i < runs; i++) {
      const selected = selectBySeed(POOL, 5, sha256Hex(`seed-${i}`))
      for (const id of selected) picked.set(id, picked.get(id)! + 1)
      first.set(selected[0]!, first.get(selected[0]!)! + 1)
    }
    // Each expert is in 5/9 of committees (5000 of 9000) and first in 1/9 (1000 of 9000).
    // The bounds are > 6 standard deviations wide, so the test is stable yet catches real bias.
    for (const id of POOL) {
      expect(Math.abs(picked.get(id)! - 5000)).toBeLessThan(300)
      expect(Math.abs(first.get(id)! - 1000)).toBeLessThan(200)
    }
  })

  it('refuses to draw more than the pool holds, or a non-whole count', () => {
    expect(() => selectBySeed(POOL, 10, 'seed')).toThrow(RangeError)
    expect(() => selectBySeed(POOL, 2.5, 'seed')).toThrow(RangeError)
    expect(() => selectBySeed(POOL, -1, 'seed')).toThrow(RangeError)
  })
})

describe('verifyDraw', () => {
  const { selected, ...proof } = performDraw(POOL, 5, SECRET, HEAD)
  const spare = POOL.find((id) => !selected.includes(id))!

  it('accepts the recorded draw', () => {
    expect(verifyDraw(proof, HEAD, selected)).toBe(true)
  })

  it('refuses a changed secret, commitment, seed or head', () => {
    const otherSecret = 'c'.repeat(64)
    expect(verifyDraw({ ...proof, secret: otherSecret }, HEAD, selected)).toBe(false)
    expect(
      verifyDraw(
        { ...proof, secret: otherSecret, secretCommitment: commitmentOf(otherSecret) },
        HEAD,
        selected,
      ),
    ).toBe(false)
    expect(verifyDraw({ ...proof, seed: sha256Hex('chosen seed') }, HEAD, selected)).toBe(false)
    expect(verifyDraw(proof, sha256Hex('another head'), selected)).toBe(false)
  })

  it('refuses a changed selection: swapped, reordered, shortened, lengthened, or longer than the pool', () => {
    const shuffle = selectBySeed(proof.pool, 9, proof.seed)
    expect(verifyDraw(proof, HEAD, [...selected.slice(0, 4), spare])).toBe(false)
    expect(verifyDraw(proof, HEAD, [...selected].reverse())).toBe(false)
    expect(verifyDraw(proof, HEAD, selected.slice(0, 4))).toBe(false)
    // The shuffle's sixth member would extend the committee consistently, were the size not in the seed.
    expect(verifyDraw(proof, HEAD, shuffle.slice(0, 6))).toBe(false)
    expect(verifyDraw(proof, HEAD, [...POOL, 'usr_outsider'])).toBe(false)
  })

  it('refuses a changed pool, even one that swaps only an expert who was not drawn', () => {
    const others = proof.pool.filter((id) => id !== spare)
    expect(verifyDraw({ ...proof, pool: [...proof.pool, `usr_${'0'.repeat(32)}`] }, HEAD, selected)).toBe(
      false,
    )
    expect(verifyDraw({ ...proof, pool: others }, HEAD, selected)).toBe(false)
    expect(verifyDraw({ ...proof, pool: [...others, `${spare}x`] }, HEAD, selected)).toBe(false)
  })
})
