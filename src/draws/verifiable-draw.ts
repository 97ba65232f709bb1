// A random draw anyone can re-run (DESIGN §6, after RFC 3797): the platform commits to a secret
// (SHA-256), the seed is SHA-256(secret ‖ stream head hash ‖ size ‖ SHA-256 of the sorted pool), and the
// selection is a Fisher–Yates shuffle of the sorted pool (ids sorted by UTF-16 code unit, i.e. byte
// order for ASCII ids) driven by a SHA-256 counter stream with rejection sampling. Pure.
import { createHash } from 'node:crypto'

export interface DrawResult {
  readonly pool: readonly string[]
  readonly secretCommitment: string
  readonly secret: string
  readonly seed: string
  readonly selected: readonly string[]
}

const sha256 = (input: string) => createHash('sha256').update(input).digest()

export function commitmentOf(secretHex: string): string {
  return sha256(secretHex).toString('hex')
}

/** The pool as a draw sees it: each id once, sorted. */
export function canonicalPool(pool: readonly string[]): string[] {
  return [...new Set(pool)].sort()
}

/**
 * The seed also covers the draw's own terms, its size and its pool, so a proof fits one draw only:
 * without them a longer selection (the shuffle's next member) or a pool with a non-selected expert
 * swapped for another would re-run to the same members and pass as verified.
 */
export function drawSeed(
  secretHex: string,
  streamHeadHash: string,
  count: number,
  pool: readonly string[],
): string {
  const poolHash = sha256(JSON.stringify(canonicalPool(pool))).toString('hex')
  return sha256(`${secretHex}|${streamHeadHash}|${count}|${poolHash}`).toString('hex')
}

/** Uniform integers below `bound` from SHA-256(seed ‖ counter), rejecting the biased tail. */
function* uniformIntegers(seed: string): Generator<(bound: number) => number> {
  let counter = 0
  let block = Buffer.alloc(0)
  let offset = 0
  const nextUint32 = () => {
    if (offset + 4 > block.length) {
      block = sha256(`${seed}|${counter++}`)
      offset = 0
    }
    const value = block.readUInt32BE(offset)
    offset += 4
    return value
  }
  const below = (bound: number) => {
    const limit = 2 ** 32 - (2 ** 32 % bound)
    for (;;) {
      const value = nextUint32()
      if (value < limit) return value % bound
    }
  }
  for (;;) yield below
}

/** Selects `count` members of `pool` (sorted first, so the order given does not matter). */
export function selectBySeed(pool: readonly string[], count: number, seed: string): string[] {
  const items = canonicalPool(pool)
  if (!Number.isInteger(count) || count < 0 || count > items.length) {
    throw new RangeError(`cannot draw ${count} from a pool of ${items.length}`)
  }
  const below = uniformIntegers(seed).next().value as (bound: number) => number
  for (let i = items.length - 1; i > 0; i--) {
    const j = below(i + 1)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items.slice(0, count)
}

/** A whole draw: commit to the secret, derive the seed from it and the stream head, select. */
export function performDraw(
  pool: readonly string[],
  count: number,
  secretHex: string,
  streamHeadHash: string,
): DrawResult {
  const seed = drawSeed(secretHex, streamHeadHash, count, pool)
  return {
    pool: canonicalPool(pool),
    secretCommitment: commitmentOf(secretHex),
    secret: secretHex,
    seed,
    selected: selectBySeed(pool, count, seed),
  }
}

/** Re-runs a recorded draw: does the proof give exactly these members? */
export function verifyDraw(
  proof: Omit<DrawResult, 'selected'>,
  streamHeadHash: string,
  selected: readonly string[],
): boolean {
  if (commitmentOf(proof.secret) !== proof.secretCommitment) return false
  if (drawSeed(proof.secret, streamHeadHash, selected.length, proof.pool) !== proof.seed) return false
  // A claimed selection larger than the pool is simply false, not an error thrown at the verifier.
  if (selected.length > new Set(proof.pool).size) return false
  const again = selectBySeed(proof.pool, selected.length, proof.seed)
  return again.every((id, i) => id === selected[i])
}
