// The award report (定标报告, REGULATIONS §5.4): method and parameters, the committee and its draw,
// attendance and the quorum, check-ins with their declarations and recusals with their reasons, every
// round (opened and closed by the chair) with every ballot and its reason, tallies, re-votes, declines,
// the decision with its reasons and who took it, and the credit snapshots the award consulted. Pure.
import { attendanceOf } from '../../../state-machines/award-sitting.ts'
import { awardQuorumOf, revoteLimit, tieBreakOf } from '../../../state-machines/rule-pack.ts'
import { meetingOutcome } from '../../../state-machines/tender-award.guards.ts'
import type {
  AwardAttendanceInput,
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

interface RoundDraft extends Omit<RoundInput, 'tally' | 'ballots' | 'openedAt' | 'closedAt'> {
  openedAt: string | null
  closedAt: string | null
  ballots: RoundInput['ballots'][number][]
}

/**
 * Every round, grouped by vote: a vote starts afresh with the chair opening its round 1 (or, before the
 * sitting existed, with its first ballot), and a round is what the chair opened and closed.
 */
function roundsOf({ fold, directory }: RecordSource): RoundInput[] {
  const rounds: RoundDraft[] = []
  let vote = 0
  let openedByChair = false
  for (const {
    event,
    before: { context: before },
  } of fold.steps) {
    const { type } = event
    if (type !== 'OPEN_ROUND' && type !== 'CAST_BALLOT' && type !== 'CLOSE_ROUND') continue
    const fresh = before.round === 1 && before.ballots.length === 0
    if (fresh && (type === 'OPEN_ROUND' || (type === 'CAST_BALLOT' && !openedByChair))) {
      vote += 1
      openedByChair = type === 'OPEN_ROUND'
    }
    let current = rounds.at(-1)
    if (current === undefined || current.vote !== vote || current.round !== before.round) {
      const activeCandidates = [...before.activeCandidates]
      current = { vote, round: before.round, openedAt: null, closedAt: null, activeCandidates, ballots: [] }
      rounds.push(current)
    }
    if (type === 'OPEN_ROUND') current.openedAt = event.recordedAt
    if (type === 'CLOSE_ROUND') current.closedAt = event.recordedAt
    if (type !== 'CAST_BALLOT') continue
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

/** Check-ins with their declarations (签到) and recusals with their reasons (回避), in order. */
function declarationsOf({ events, directory }: RecordSource, formedSeq: number): AwardDeclarationInput[] {
  return events
    .filter((e) => e.seq > formedSeq && (e.type === 'CHECK_IN' || e.type === 'RECUSE'))
    .map((e) => {
      const text = e.type === 'CHECK_IN' ? e.data.statement : e.data.reason
      return {
        member: directory.person(String(e.data.memberId)),
        declaredAt: e.recordedAt,
        eventType: e.type,
        statement: typeof text === 'string' ? text : null,
      }
    })
}

/** Each drawn member's attendance at the decision; none under a pack frozen before the sitting. */
function attendanceAt({ context, events, directory }: RecordSource): AwardAttendanceInput[] {
  if (awardQuorumOf(context.rulePack) === null) return []
  return context.awardCommittee.map((memberId) => {
    const status = attendanceOf(context, memberId)?.status ?? 'absent'
    const last = events.findLast(
      (e) => (e.type === 'CHECK_IN' || e.type === 'RECUSE') && e.data.memberId === memberId,
    )
    return {
      member: directory.person(memberId),
      chair: memberId === context.awardChairId,
      status,
      at: status === 'absent' ? null : (last?.recordedAt ?? null),
    }
  })
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
  const quorum = awardQuorumOf(pack)
  const by = certified.data.by
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
    attendance: attendanceAt(source),
    quorum: quorum === null ? null : { value: quorum.value, source: quorum.source },
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
    decidedAs: by === 'chair' || by === 'purchaser' ? by : null,
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
