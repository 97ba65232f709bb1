// Ballot secrecy (票决): whether a ballot's round is closed, the one rule every read path asks (the
// award view, history, and through them replay and records). Until the chair closes its round nobody
// reads a ballot's choice or reason, nor any count, so nobody votes knowing how the others did. Pure.
import { roundStatusOf } from '../../state-machines/award-sitting.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import type { ChainedEvent } from '../events/hash-chain.ts'

/** The tender as its projection stands: the machine's state and context. */
export interface AwardStanding {
  readonly state: string
  readonly context: TenderContext
}

/**
 * A round is closed once the meeting has left it behind: the tender left `awarding` (DECIDE, a
 * cancellation, a failure), a re-vote or a fresh vote moved past it, or the chair closed it (CLOSE_ROUND;
 * in a meeting under a pack frozen before the sitting, its last ballot), so its tally is final.
 */
export function isRoundClosed(standing: AwardStanding, round: number): boolean {
  const { state, context } = standing
  if (state !== 'awarding' || round < context.round) return true
  return roundStatusOf(context) === 'closed'
}

/**
 * The seqs of the CAST_BALLOT events whose round is still open, among `events` (the stream up to the
 * event the standing covers). Only the current round can be open; the context keeps the current vote's
 * ballots in cast order, so its ballots are the last CAST_BALLOT events.
 */
export function openBallotSeqs(
  standing: AwardStanding,
  events: readonly ChainedEvent[],
): ReadonlySet<number> {
  const { context } = standing
  if (isRoundClosed(standing, context.round)) return new Set()
  const open = context.ballots.filter((ballot) => ballot.round === context.round)
  const casts = events.filter((event) => event.type === 'CAST_BALLOT')
  return new Set(casts.slice(casts.length - open.length).map((event) => event.seq))
}
