// Context updates of opening and evaluation.
import { addLimitDays } from './day-count.ts'
import type { TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'

type Changes = Partial<TenderContext>

export function open(_context: TenderContext, event: EventOf<'OPEN'>): Changes {
  return { openedBids: [...event.bids] }
}

export function drawExperts(_context: TenderContext, event: EventOf<'DRAW_EXPERTS'>): Changes {
  return { expertCommittee: [...event.members] }
}

export function declareNoConflict(context: TenderContext, event: EventOf<'DECLARE_NO_CONFLICT'>): Changes {
  return { declaredExperts: [...context.declaredExperts, event.expertId] }
}

export function rejectBid(context: TenderContext, event: EventOf<'REJECT_BID'>): Changes {
  const rejection = { bidId: event.bidId, ground: event.ground, expertId: event.expertId }
  return { rejectedBids: [...context.rejectedBids, rejection] }
}

export function submitScores(context: TenderContext, event: EventOf<'SUBMIT_SCORES'>): Changes {
  const { expertId } = event
  return {
    scoredExperts: [...context.scoredExperts, expertId],
    scores: [...context.scores, ...event.scores.map(({ bidId, score }) => ({ expertId, bidId, score }))],
  }
}

/** The report names the candidates; their publicity starts at once (条例 Art 54). */
export function submitReport(context: TenderContext, event: EventOf<'SUBMIT_REPORT'>): Changes {
  const pack = context.rulePack
  return {
    candidates: [...event.candidates],
    publicityEndsAt:
      pack === null || event.candidates.length === 0
        ? null
        : addLimitDays(event.at, pack.limits.candidatePublicityDays, pack),
  }
}

/** An upheld objection to the candidates: the same committee re-evaluates from its declarations. */
export function reopenEvaluation(_context: TenderContext): Changes {
  return { scoredExperts: [], scores: [], rejectedBids: [], candidates: [], publicityEndsAt: null }
}
