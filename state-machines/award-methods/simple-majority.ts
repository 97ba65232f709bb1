// 票决法 / 简单多数法: one ballot per member per round; the most votes wins; a tie is re-voted among the
// tied candidates up to `maxRevotes` times; a tie that persists after that goes to the tie-break declared
// in the tender documents (REGULATIONS §5.2 "TB"), so every meeting ends decided or, on a tie the rule
// cannot break, failed.
import type { AwardMethodRules, AwardRound, Ballot, MeetingOutcome } from './award-method.ts'
import { breakTie } from './lowest-bid-price.ts'

/** The ballots cast in the current round. */
export function currentRoundBallots(meeting: AwardRound): readonly Ballot[] {
  return meeting.ballots.filter((ballot) => ballot.round === meeting.round)
}

/** The committee members who have not voted in the current round yet. */
export function membersYetToVote(meeting: AwardRound): string[] {
  const voters = new Set(currentRoundBallots(meeting).map((ballot) => ballot.memberId))
  return meeting.members.filter((member) => !voters.has(member))
}

/** Votes per active candidate in the current round (candidates without votes count 0). */
export function tally(meeting: AwardRound): ReadonlyMap<string, number> {
  const counts = new Map<string, number>(meeting.activeCandidates.map((bidId) => [bidId, 0]))
  for (const ballot of currentRoundBallots(meeting)) {
    const count = counts.get(ballot.candidateBidId)
    if (count !== undefined) counts.set(ballot.candidateBidId, count + 1)
  }
  return counts
}

/** The candidates with the most votes in the current round, in `activeCandidates` order. */
export function topCandidates(meeting: AwardRound): readonly string[] {
  const counts = tally(meeting)
  const top = Math.max(0, ...counts.values())
  return meeting.activeCandidates.filter((bidId) => counts.get(bidId) === top)
}

export const simpleMajority: AwardMethodRules = {
  method: 'simpleMajority',
  implemented: true,
  outcome(meeting): MeetingOutcome {
    const waitingFor = membersYetToVote(meeting)
    if (meeting.members.length === 0 || waitingFor.length > 0) return { kind: 'voting', waitingFor }
    const top = topCandidates(meeting)
    if (top.length === 1) return { kind: 'decided', winner: top[0]!, by: 'votes', tied: top }
    // Round 1 is the first vote, so rounds 1…maxRevotes may each be voted again.
    if (meeting.round <= meeting.maxRevotes) return { kind: 'revote', tied: top }
    return breakTie(meeting, top)
  },
}
