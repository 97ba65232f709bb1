// Ballot secrecy (票决): whether a ballot's round is closed, the one rule every read path asks (the
// award view, history, and through them replay and records). Until its round closes nobody reads a
// ballot's choice or reason, so nobody votes knowing how the others did. Pure: no I/O.
import { membersYetToVote } from '../../state-machines/award-methods/simple-majority.ts'
import type { TenderContext } from '../../state-machines/tender.context.ts'
import { awardMeeting } from '../../state-machines/tender-award.guards.ts'
import type { ChainedEvent } from '../events/hash-chain.ts'

/** The tender as its projection stands: the machine's state and context. */
export interface AwardStanding {
  readonly state: string
  readonly context: TenderContext
}

/**
 * A round is closed once the meeting has left it behind: the tender left `awarding` (DECIDE, a
 * cancellation, a failure), a re-vote or a fresh vote moved past it, or every member has voted in it,
 * so its tally is final and no ballot can join it.
 */
export function isRoundClosed(standing: AwardStanding, round: number): boolean {
  const { state, context } = standing
  if (state !== 'awarding' || round < context.round) return true
  return membersYetToVote(awardMeeting(context)).length === 0
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
