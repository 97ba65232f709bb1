// 票决法 / 简单多数法: one ballot per member per round; the most votes wins; a tie is re-voted among the
// tied candidates up to `maxRevotes` times. A tie that persists after that is left undecided here: the
// tie-break policy declared in the tender documents (REGULATIONS §5.2 "TB") comes with the award work.
import type { AwardMethodRules, AwardRound, Ballot } from './award-method.ts'

/** The ballots cast in the current round. */
export function currentRoundBallots(meeting: AwardRound): readonly Ballot[] {
  return meeting.ballots.filter((ballot) => ballot.round === meeting.round)
}

/** Whether every committee member has voted in the current round. */
export function everyMemberVoted(meeting: AwardRound): boolean {
  const voters = new Set(currentRoundBallots(meeting).map((ballot) => ballot.memberId))
  return meeting.members.length > 0 && meeting.members.every((member) => voters.has(member))
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
  revoteCandidates(meeting) {
    if (!everyMemberVoted(meeting) || meeting.round > meeting.maxRevotes) return null
    const top = topCandidates(meeting)
    return top.length > 1 ? top : null
  },
  designates(meeting, winnerBidId) {
    if (!everyMemberVoted(meeting)) return false
    const top = topCandidates(meeting)
    return top.length === 1 && top[0] === winnerBidId
  },
}
