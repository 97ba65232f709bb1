// Secret ballots (票决): a member checked in to the meeting casts one per round while the chair holds it
// open; choices and tallies are disclosed only once the chair has closed that round, so nobody votes
// knowing how the others did. The answer to a ballot is its receipt, never its choice.
import { revoteCandidates } from '../../state-machines/award-methods/award-method.ts'
import { awardMethodRules } from '../../state-machines/award-methods/registry.ts'
import { awardMeeting, roundStatusOf, votingMembers } from '../../state-machines/award-sitting.ts'
import type { Ballot, RoundStatus, TenderContext } from '../../state-machines/tender.context.ts'
import { remainingCandidates } from '../../state-machines/tender-award.guards.ts'
import type { Actor } from '../auth/actor.ts'
import type { StoredEvent } from '../events/event-store.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { authorizeCommitteeMember } from './award-access.ts'
import { lastEventOf, stampedAt } from './award-events.ts'
import { type BallotReceipt, ballotReceipt } from './ballot-receipt.ts'
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
  return executeTenderCommand<{ receipt: BallotReceipt }>(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeCommitteeMember,
    // Checked in, the round open, one ballot per round, a candidate still in the vote: the machine's rules.
    decide: () => {
      const { candidateBidId, reason } = request
      return { type: 'CAST_BALLOT', memberId: actor.userId, candidateBidId, reason }
    },
    project: async ({ event, snapshot }) => ({ receipt: ballotReceipt(event, snapshot.context.round) }),
  })
}

export interface DisclosedBallot {
  readonly memberId: string
  readonly candidateBidId: string
  readonly reason: string
}

export interface RoundView {
  readonly round: number
  /** Not opened by the chair yet, open for ballots, or closed (its tally revealed). */
  readonly status: RoundStatus
  readonly openedAt: string | null
  readonly closedAt: string | null
  readonly activeCandidates: readonly string[]
  /** Who has voted (never what). */
  readonly votedBy: readonly string[]
  /** Every voting member has voted (the chair may close the round). */
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
 * The ballots of the current vote, each with the event that recorded it. The context keeps the current
 * vote's ballots in the order they were cast and drops them when a new vote starts, so they are the
 * last CAST_BALLOT events.
 */
export function currentVoteCasts(
  ballots: readonly Ballot[],
  events: readonly StoredEvent[],
): { ballot: Ballot; event: StoredEvent | undefined }[] {
  const casts = events.filter((e) => e.type === 'CAST_BALLOT')
  const ofThisVote = casts.slice(casts.length - ballots.length)
  return ballots.map((ballot, i) => ({ ballot, event: ofThisVote[i] }))
}

function withReasons(ballots: readonly Ballot[], events: readonly StoredEvent[]) {
  return currentVoteCasts(ballots, events).map(({ ballot, event }) => ({
    ...ballot,
    reason: String(event?.data.reason ?? ''),
  }))
}

/** A member's receipts for their ballots of the current vote, round by round. */
export function receiptsOf(
  context: TenderContext,
  events: readonly StoredEvent[],
  memberId: string,
): BallotReceipt[] {
  return currentVoteCasts(context.ballots, events)
    .filter(({ ballot, event }) => ballot.memberId === memberId && event !== undefined)
    .map(({ ballot, event }) => ballotReceipt(event!, ballot.round))
}

/** When the chair opened and closed `round` of the current vote (the latest such events are this vote's). */
function roundTimes(events: readonly StoredEvent[], round: number, status: RoundStatus) {
  const ofRound = events.filter((e) => e.data.round === round)
  const opened = status === 'pending' ? undefined : lastEventOf(ofRound, 'OPEN_ROUND')
  const closed = status === 'closed' ? lastEventOf(ofRound, 'CLOSE_ROUND') : undefined
  return { openedAt: opened ? stampedAt(opened) : null, closedAt: closed ? stampedAt(closed) : null }
}

export function roundsOfCurrentVote(standing: AwardStanding, events: readonly StoredEvent[]): RoundView[] {
  const { context } = standing
  if (context.round < 1) return []
  const ballots = withReasons(context.ballots, events)
  const voters = votingMembers(context)
  const actives = activeCandidatesByRound(context)
  return actives.map((activeCandidates, i) => {
    const round = i + 1
    const cast = ballots.filter((b) => b.round === round)
    const votedBy = cast.map((b) => b.memberId)
    const status = round < context.round ? 'closed' : roundStatusOf(context)
    const complete = voters.length > 0 && voters.every((m) => votedBy.includes(m))
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
      status,
      ...roundTimes(events, round, status),
      activeCandidates,
      votedBy,
      complete: round < context.round || complete,
      tally: closed ? tally : null,
      ballots: closed ? disclosed : null,
    }
  })
}
