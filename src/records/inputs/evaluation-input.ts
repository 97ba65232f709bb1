// The evaluation report (评标报告, 条例 Art 53): the committee and its draw, declarations, every bid's
// outcome and scores, rejections with grounds, the candidates and any dissent. Pure.
import type { TenderContext } from '../../../state-machines/tender.context.ts'
import type { EvaluationReportInput, RejectionInput } from '../../../templates/pdf/record-input.ts'
import type { StoredEvent } from '../../events/event-store.ts'
import {
  candidatesOf,
  drawOf,
  identityOf,
  lastOf,
  particularsOf,
  scoreSummaryOf,
  scoreText,
} from './input-parts.ts'
import type { RecordSource } from './record-source.ts'

/** The events since the committee was drawn: a re-draw (if any) starts the evaluation afresh. */
function sinceDraw(events: readonly StoredEvent[]): readonly StoredEvent[] {
  const draw = lastOf(events, 'DRAW_EXPERTS')
  return draw === undefined ? events : events.filter((e) => e.seq >= draw.seq)
}

function rejectionsOf(source: RecordSource, context: TenderContext): RejectionInput[] {
  const { directory } = source
  const rejectEvents = sinceDraw(source.events).filter((e) => e.type === 'REJECT_BID')
  return context.rejectedBids.map((rejection) => {
    const event = rejectEvents.findLast((e) => e.data.bidId === rejection.bidId)
    const bid = context.openedBids.find((b) => b.bidId === rejection.bidId)
    return {
      bidId: rejection.bidId,
      bidder: directory.party(bid?.bidderOrgId ?? ''),
      ground: rejection.ground,
      expert: directory.person(rejection.expertId),
      rejectedAt: event?.recordedAt ?? source.certified.recordedAt,
    }
  })
}

export function evaluationReportInput(source: RecordSource): EvaluationReportInput {
  const { context, certified, directory } = source
  const report = certified.data as {
    expertId: string
    summary: string
    dissent: readonly { expertId: string; opinion: string }[]
  }
  const events = sinceDraw(source.events)
  const committee = context.expertCommittee
  const rejected = new Set(context.rejectedBids.map((r) => r.bidId))
  return {
    type: 'evaluation_report',
    tender: identityOf(context),
    particulars: particularsOf(context, directory),
    committee: committee.map((id) => directory.person(id)),
    draw: drawOf(lastOf(events, 'DRAW_EXPERTS')),
    declarations: events
      .filter((e) => e.type === 'DECLARE_NO_CONFLICT')
      .map((e) => ({
        expert: directory.person(String(e.data.expertId)),
        declaredAt: e.recordedAt,
        statement: typeof e.data.statement === 'string' ? e.data.statement : null,
      })),
    bids: context.openedBids.map((bid) => {
      const marks = context.scores.filter((s) => s.bidId === bid.bidId)
      return {
        bidId: bid.bidId,
        bidder: directory.party(bid.bidderOrgId),
        outcome: bid.outcome,
        priceFen: bid.priceFen,
        rejected: rejected.has(bid.bidId),
        scores: committee.map((expertId) => {
          const mark = marks.find((s) => s.expertId === expertId)
          return mark === undefined ? null : scoreText(mark.score)
        }),
        summary: scoreSummaryOf(context, bid.bidId),
      }
    }),
    rejections: rejectionsOf(source, context),
    candidates: candidatesOf(context, directory),
    reportedAt: certified.recordedAt,
    submittedBy: directory.person(report.expertId),
    summary: report.summary,
    dissent: report.dissent.map((d) => ({ expert: directory.person(d.expertId), opinion: d.opinion })),
  }
}
