// The award report (定标报告, REGULATIONS §5.4): method and parameters, the committee and its draw,
// declarations, every ballot of every round with its reason, tallies, re-votes, declines, the decision
// with its reasons, and the credit snapshots the award consulted. Pure.
import { revoteLimit, tieBreakOf } from '../../../state-machines/rule-pack.ts'
import { meetingOutcome } from '../../../state-machines/tender-award.guards.ts'
import type {
  AwardDeclarationInput,
  AwardReportInput,
  RoundInput,
} from '../../../templates/pdf/record-input.ts'
import {
  actingUserId,
  candidatesOf,
  creditSnapshotRefs,
  drawOf,
  identityOf,
  lastOf,
  particularsOf,
} from './input-parts.ts'
import type { RecordSource } from './record-source.ts'

/** Every ballot, grouped by vote and round: a vote starts afresh when its first ballot finds none cast. */
function roundsOf({ fold, directory }: RecordSource): RoundInput[] {
  const rounds: {
    vote: number
    round: number
    activeCandidates: string[]
    ballots: RoundInput['ballots'][number][]
  }[] = []
  let vote = 0
  for (const {
    event,
    before: { context: before },
  } of fold.steps) {
    if (event.type !== 'CAST_BALLOT') continue
    if (before.ballots.length === 0) vote += 1
    let current = rounds.at(-1)
    if (current === undefined || current.vote !== vote || current.round !== before.round) {
      current = { vote, round: before.round, activeCandidates: [...before.activeCandidates], ballots: [] }
      rounds.push(current)
    }
    current.ballots.push({
      seq: event.seq,
      castAt: event.recordedAt,
      member: directory.person(String(event.data.memberId)),
      candidateBidId: String(event.data.candidateBidId),
      reason: String(event.data.reason ?? ''),
    })
  }
  return rounds.map((r) => ({
    ...r,
    tally: r.activeCandidates.map((bidId) => ({
      bidId,
      votes: r.ballots.filter((b) => b.candidateBidId === bidId).length,
    })),
  }))
}

/** Recusals and declarations of award members (回避声明), recorded after the committee was formed. */
function declarationsOf({ events, directory }: RecordSource, formedSeq: number): AwardDeclarationInput[] {
  return events
    .filter((e) => e.seq > formedSeq && /DECLAR|RECUS/.test(e.type))
    .filter((e) => typeof e.data.memberId === 'string' || typeof e.data.userId === 'string')
    .map((e) => ({
      member: directory.person(String(e.data.memberId ?? e.data.userId)),
      declaredAt: e.recordedAt,
      eventType: e.type,
      statement: typeof e.data.statement === 'string' ? e.data.statement : null,
    }))
}

/** Bids in opening order (jsonb keeps an event's map of bid → snapshot in its own key order). */
const bidOrder = (bids: readonly { bidId: string }[]) => (bidId: string | null) =>
  bidId === null ? -1 : bids.findIndex((b) => b.bidId === bidId)

/** The meeting's outcome just before DECIDE: by the votes, or by the declared tie-break. */
function decisionBasisOf({ fold, context }: RecordSource): AwardReportInput['decisionBasis'] {
  const decided = fold.steps.filter(({ event }) => event.type === 'DECIDE').at(-1)
  const outcome = decided === undefined ? null : meetingOutcome(decided.before.context)
  if (outcome?.kind !== 'decided' || outcome.by === 'votes') return { by: 'votes' }
  const declared = tieBreakOf(context.rulePack)
  return { by: 'tieBreak', rule: outcome.by, source: declared?.source ?? '', tied: outcome.tied }
}

export function awardReportInput(source: RecordSource): AwardReportInput {
  const { events, fold, context, certified, directory } = source
  const formed = lastOf(events, 'FORM_AWARD_COMMITTEE')
  const frozen = lastOf(events, 'FREEZE_DOSSIERS')
  const winnerBidId = String(certified.data.winnerBidId)
  const winnerBid = context.openedBids.find((b) => b.bidId === winnerBidId)
  const decidedBy = actingUserId(certified)
  const pack = context.rulePack
  return {
    type: 'award_report',
    tender: identityOf(context),
    particulars: particularsOf(context, directory),
    maxRevotes: pack === null ? null : revoteLimit(pack).value,
    committeeMinSize: pack?.awardCommittee.minSize.value ?? null,
    candidates: candidatesOf(context, directory),
    committee: context.awardCommittee.map((id) => ({
      ...directory.person(id),
      chair: id === context.awardChairId,
    })),
    committeeFormedAt: formed?.recordedAt ?? null,
    draw: drawOf(formed),
    declarations: declarationsOf(source, formed?.seq ?? 0),
    dossierHash: context.dossierHash,
    dossiersFrozenAt: frozen?.recordedAt ?? null,
    rounds: roundsOf(source),
    revotes: events.filter((e) => e.type === 'START_REVOTE').map((e) => ({ seq: e.seq, at: e.recordedAt })),
    declined: fold.steps
      .filter(({ event, before }) => event.type === 'WINNER_DECLINED' && before.context.winnerBidId !== null)
      .map(({ event, before: { context: before } }) => {
        const bid = context.openedBids.find((b) => b.bidId === before.winnerBidId)
        return {
          bidId: before.winnerBidId as string,
          bidder: directory.party(bid?.bidderOrgId ?? ''),
          reason: String(event.data.reason ?? ''),
        }
      }),
    winner: {
      bidId: winnerBidId,
      bidder: directory.party(winnerBid?.bidderOrgId ?? ''),
      priceFen: winnerBid?.priceFen ?? null,
    },
    decidedAt: certified.recordedAt,
    decidedBy: decidedBy === null ? null : directory.person(decidedBy),
    decisionBasis: decisionBasisOf(source),
    reasons: String(certified.data.reasons ?? ''),
    creditSnapshots: creditSnapshotRefs(events, bidOrder(context.openedBids)).map((ref) => {
      const bid = ref.bidId === null ? undefined : context.openedBids.find((b) => b.bidId === ref.bidId)
      return {
        ...ref,
        bidder: bid ? directory.party(bid.bidderOrgId) : null,
        snapshot: directory.creditSnapshot(ref.snapshotId) ?? null,
      }
    }),
  }
}
