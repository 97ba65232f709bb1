// The declared tie-break policy (REGULATIONS §5.2 "TB"), applied in order: re-vote among the tied up to k
// times, then lower bid price, higher evaluation score, the chair's casting vote, a verifiable draw,
// as the tender declared. Each step narrows the tie at the cut; what no step separates deadlocks the
// award and says which rule left it so. Pure; every method selects through `selectByGroups`.
import type { SelectedBy, StageStep, StageView } from './stage.ts'

/** Candidates ranked into groups of equals, best group first (e.g. by votes, descending). */
export type RankedGroups = readonly (readonly string[])[]

/** A tie at the cut: `settled` are in already, `need` more are chosen among `tied`. */
export interface TieAtCut {
  readonly settled: readonly string[]
  readonly tied: readonly string[]
  readonly need: number
}

/** What the policy may do in this stage: re-vote only in a voting method, counting those held. */
export interface TieContext {
  readonly voting: boolean
  /** Re-votes already held for this tie (rounds with purpose `revote` since the last other round). */
  readonly revotesHeld: number
}

/** Exact order of fen amounts (decimal strings of digits); a missing or malformed amount sorts last. */
function fen(value: string | null | undefined): bigint | null {
  return typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : null
}

/** A decimal string as a scaled integer with 6 fraction digits, so scores compare exactly. */
function decimal(value: string | null | undefined): bigint | null {
  if (typeof value !== 'string') return null
  const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(value)
  if (match === null) return null
  const magnitude = BigInt(match[2]!) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'))
  return match[1] === '-' ? -magnitude : magnitude
}

/** Groups `candidates` by a key, best first; candidates without a key form the last group. */
export function groupBy(
  candidates: readonly string[],
  key: (bidId: string) => bigint | null,
  better: 'lower' | 'higher',
): string[][] {
  const keyed = candidates.map((bidId) => ({ bidId, key: key(bidId) }))
  const known = keyed.filter((entry) => entry.key !== null) as { bidId: string; key: bigint }[]
  const values = [...new Set(known.map((entry) => entry.key))].sort((x, y) =>
    x === y ? 0 : x < y === (better === 'lower') ? -1 : 1,
  )
  const groups = values.map((value) => known.filter((entry) => entry.key === value).map((e) => e.bidId))
  const unknown = keyed.filter((entry) => entry.key === null).map((entry) => entry.bidId)
  return unknown.length > 0 ? [...groups, unknown] : groups
}

/**
 * Takes `need` candidates from ranked groups, best first: whole groups while they fit, then the group
 * that straddles the cut is a tie the policy settles. `settled` are already in, ahead of the groups.
 */
function cut(
  settled: readonly string[],
  groups: RankedGroups,
  need: number,
): TieAtCut | { selected: string[] } {
  const taken = [...settled]
  let remaining = need
  for (const group of groups) {
    if (remaining === 0) break
    if (group.length <= remaining) {
      taken.push(...group)
      remaining -= group.length
    } else {
      return { settled: taken, tied: [...group], need: remaining }
    }
  }
  return { selected: taken }
}

const selected = (chosen: readonly string[], by: SelectedBy, tied: readonly string[]): StageStep => ({
  kind: 'selected',
  selected: chosen,
  by,
  tied,
})

/** Applies the declared steps, in order, to a tie at the cut. */
export function settleTie(view: StageView, tie: TieAtCut, context: TieContext): StageStep {
  let current = tie
  let lastRule: SelectedBy | null = null
  for (const step of view.tieBreaks) {
    lastRule = step.rule
    switch (step.rule) {
      case 'revote':
        if (context.voting && context.revotesHeld < step.times) {
          return { kind: 'round', candidates: current.tied, purpose: 'revote' }
        }
        break
      case 'lowerBidPrice':
      case 'higherEvaluationScore': {
        const groups =
          step.rule === 'lowerBidPrice'
            ? groupBy(current.tied, (bidId) => fen(view.pricesFen[bidId]), 'lower')
            : groupBy(current.tied, (bidId) => decimal(view.scores[bidId]), 'higher')
        const next = cut(current.settled, groups, current.need)
        if ('selected' in next) return selected(next.selected, step.rule, tie.tied)
        current = next
        break
      }
      case 'chairCastingVote':
        return {
          kind: 'chair',
          among: current.tied,
          pick: current.need,
          settled: current.settled,
          by: step.rule,
        }
      case 'draw':
        return {
          kind: 'draw',
          among: current.tied,
          pick: current.need,
          settled: current.settled,
          by: step.rule,
        }
    }
  }
  return { kind: 'deadlocked', tied: current.tied, by: lastRule }
}

/**
 * Selects `view.select` candidates from groups ranked by the method (e.g. by votes): whole groups while
 * they fit, and a group straddling the cut goes to the tie-break policy.
 */
export function selectByGroups(
  view: StageView,
  groups: RankedGroups,
  by: SelectedBy,
  context: TieContext,
): StageStep {
  const need = Math.min(
    view.select,
    groups.reduce((sum, group) => sum + group.length, 0),
  )
  const next = cut([], groups, need)
  return 'selected' in next ? selected(next.selected, by, []) : settleTie(view, next, context)
}

/** Re-votes held since the stage's last round that was not a re-vote (for `TieContext.revotesHeld`). */
export function trailingRevotes(view: StageView): number {
  let count = 0
  for (let i = view.rounds.length - 1; i >= 0 && view.rounds[i]!.purpose === 'revote'; i--) count++
  return count
}
