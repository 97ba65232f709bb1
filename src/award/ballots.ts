// Secret ballots (票决): a committee member casts one per round; choices and tallies are disclosed
// only once every member has voted in that round, so nobody votes knowing how the others did.
import { revoteCandidates } from '../../state-machines/award-methods/award-method.ts'
import { awardMethodRules } from '../../state-machines/award-methods/registry.ts'
import type { Ballot, TenderContext } from '../../state-machines/tender.context.ts'
import { awardMeeting, remainingCandidates } from '../../state-machines/tender-award.guards.ts'
import type { Actor } from '../auth/actor.ts'
import type { StoredEvent } from '../events/event-store.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { authorizeCommitteeMember } from './award-access.ts'
import { type AwardStanding, isRoundClosed } from './ballot-secrecy.ts'

export interface BallotRequest {
  readonly candidateBidId: string
  readonly reason: string
}

export function castBallot(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  request: BallotRequest,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeCommitteeMember,
    // Frozen dossiers, one ballot per round, a candidate still in the vote: the machine's rules.
    decide: () => {
      const { candidateBidId, reason } = request
      return { type: 'CAST_BALLOT', memberId: actor.userId, candidateBidId, reason }
    },
  })
}

export interface DisclosedBallot {
  readonly memberId: string
  readonly candidateBidId: string
  readonly reason: string
}

export interface RoundView {
  readonly round: number
  readonly activeCandidates: readonly string[]
  readonly votedBy: readonly string[]
  readonly complete: boolean
  /** Null until the round is closed (ballot-secrecy.ts). */
  readonly tally: readonly { bidId: string; votes: number }[] | null
  readonly ballots: readonly DisclosedBallot[] | null
}

/** The candidates of each round of the current vote: round 1 all remaining, later ones the method's re-vote set. */
function activeCandidatesByRound(context: TenderContext): (readonly string[])[] {
  const byRound: (readonly string[])[] = [remainingCandidates(context)]
  const rules = context.awardMethod === null ? null : awardMethodRules(context.awardMethod)
  for (let round = 1; round < context.round; round++) {
    const meeting = { ...awardMeeting(context), round, activeCandidates: byRound[round - 1]! }
    byRound.push((rules && revoteCandidates(rules.outcome(meeting))) ?? [])
  }
  byRound[context.round - 1] = context.activeCandidates
  return byRound
}

/**
 * The ballots of the current vote with their reasons. The context keeps the current vote's ballots in
 * the order they were cast and drops them when a new vote starts, so they are the last CAST_BALLOT events.
 */
function withReasons(ballots: readonly Ballot[], castEvents: readonly StoredEvent[]) {
  const events = castEvents.slice(castEvents.length - ballots.length)
  return ballots.map((ballot, i) => ({ ...ballot, reason: String(events[i]?.data.reason ?? '') }))
}

export function roundsOfCurrentVote(standing: AwardStanding, events: readonly StoredEvent[]): RoundView[] {
  const { context } = standing
  if (context.round < 1) return []
  const ballots = withReasons(
    context.ballots,
    events.filter((e) => e.type === 'CAST_BALLOT'),
  )
  const actives = activeCandidatesByRound(context)
  return actives.map((activeCandidates, i) => {
    const round = i + 1
    const cast = ballots.filter((b) => b.round === round)
    const votedBy = cast.map((b) => b.memberId)
    const complete =
      context.awardCommittee.length > 0 && context.awardCommittee.every((m) => votedBy.includes(m))
    const tally = activeCandidates.map((bidId) => ({
      bidId,
      votes: cast.filter((b) => b.candidateBidId === bidId).length,
    }))
    const disclosed = cast.map(({ memberId, candidateBidId, reason }) => ({
      memberId,
      candidateBidId,
      reason,
    }))
    const closed = isRoundClosed(standing, round)
    return {
      round,
      activeCandidates,
      votedBy,
      complete,
      tally: closed ? tally : null,
      ballots: closed ? disclosed : null,
    }
  })
}
