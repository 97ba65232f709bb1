// Sample events for model-based traversal of the tender machine: a finite set per state, drawn from
// the fixed scenario and the snapshot's context (e.g. scores always cover the current valid bids).
import { validBidIds } from '../../state-machines/tender.context.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { closeOf, EXPERTS, ev, MEMBERS, packWith, T } from './tender.fixtures.ts'

/**
 * The model's pack: a 4-member committee, so a tie can last, and one bare re-vote without a tie-break,
 * as in packs frozen before tie-breaks existed, so the traversal reaches FAIL_AWARD. The declared
 * tie-break (lowestBidPrice) has its own tests (tender.tie-break.test.ts).
 */
const { tieBreak: _declared, ...nationalPack } = packWith({})
const MODEL_PACK = {
  ...nationalPack,
  awardCommittee: { minSize: { value: 4, source: 'model', confidence: 'U' as const }, odd: false },
  // three of four, so that the model meets the quorum both with everyone and after one recusal
  awardQuorum: { value: 3, source: 'model', confidence: 'U' as const },
  maxRevotes: 1,
}
const MODEL_COMMITTEE = MEMBERS.slice(0, 4)
/** The one member the model lets recuse (one is enough to reach every recusal rule). */
const RECUSING = MODEL_COMMITTEE[3]!

function holdEvents(snapshot: TenderSnapshot): TenderEvent[] {
  const { pendingObjections } = snapshot.context
  return [
    ev.suspend(T(20)),
    ev.resume(T(20)),
    ev.cancel(T(45)),
    ev.cancel(T(45), ''),
    ev.answer('o-unknown', false, T(25)),
    ...pendingObjections.flatMap((o) => [
      ev.answer(o.objectionId, true, T(25)),
      ev.answer(o.objectionId, false, T(25)),
    ]),
  ]
}

function evaluationEvents(snapshot: TenderSnapshot): TenderEvent[] {
  const valid = validBidIds(snapshot.context)
  return [
    ev.draw(),
    ...EXPERTS.map(ev.declare),
    ...snapshot.context.openedBids.map((bid) => ev.reject('e1', bid.bidId)),
    ...EXPERTS.map((e) => ev.scores(e, valid)),
    ev.report(valid.slice(0, 3)),
    ev.report([]),
  ]
}

function awardingEvents(snapshot: TenderSnapshot): TenderEvent[] {
  const { activeCandidates } = snapshot.context
  return [
    ev.formAward(MODEL_COMMITTEE),
    ev.freeze(),
    ...MODEL_COMMITTEE.map((m) => ev.checkIn(m)),
    ev.recuse(RECUSING),
    ev.openRound(snapshot.context.round),
    ev.openRound(snapshot.context.round, 'm2'),
    ...MODEL_COMMITTEE.flatMap((m) => activeCandidates.map((c) => ev.ballot(m, c))),
    closeOf(snapshot),
    ev.closeRound([], snapshot.context.round),
    ev.revote(),
    ...activeCandidates.map((c) => ev.decide(c)),
    { type: 'FAIL_AWARD', at: T(27, 5) },
  ]
}

/** Questions, amendments and extensions during bidding: one accepted and one refused sample of each. */
function biddingRecordEvents(): TenderEvent[] {
  return [
    { type: 'QUESTION_ASKED', questionId: 'q1', at: T(1) },
    { type: 'QUESTION_ASKED', questionId: 'q2', at: T(22) }, // after the deadline
    { type: 'QUESTION_ANSWERED', questionId: 'q1', at: T(2) },
    { type: 'AMEND', amendmentId: 'a1', summary: '补充图纸', newDeadline: null, at: T(1) },
    { type: 'AMEND', amendmentId: 'a2', summary: '修改工程量', newDeadline: null, at: T(18) }, // too late
    { type: 'EXTEND_DEADLINE', newDeadline: T(25), reason: '澄清', at: T(3) },
    { type: 'EXTEND_DEADLINE', newDeadline: T(5), reason: '提前', at: T(3) }, // earlier: refused
  ]
}

function phaseEvents(snapshot: TenderSnapshot): TenderEvent[] {
  const endsAt = snapshot.context.publicityEndsAt ?? T(99)
  switch (tenderStateOf(snapshot)) {
    case 'draft':
      return [
        ev.edit({ title: '改名' }),
        ev.edit({}),
        ev.publish({ rulePack: MODEL_PACK }),
        ev.publish({ rulePack: MODEL_PACK, deadline: T(10) }),
      ]
    case 'bidding':
      return [ev.objection('o1', 'documents', T(2)), ev.close(4), ev.close(2), ...biddingRecordEvents()]
    case 'opening':
      return [
        ev.objection('o2', 'opening', T(21)),
        ev.open(),
        ev.open(['opened', 'invalid', 'opened', 'invalid']),
      ]
    case 'evaluation':
      return evaluationEvents(snapshot)
    case 'candidatePublicity':
      return [ev.objection('o3', 'candidates', T(24)), ev.endPublicity(endsAt)]
    case 'awarding':
      return awardingEvents(snapshot)
    case 'resultPublicity':
      return [ev.objection('o4', 'result', T(28)), ev.endPublicity(endsAt)]
    case 'awarded':
      return [ev.notice(), ev.decline(), ev.contract()]
    default:
      return []
  }
}

export function sampleEvents(snapshot: TenderSnapshot): TenderEvent[] {
  return snapshot.status === 'active' ? [...phaseEvents(snapshot), ...holdEvents(snapshot)] : []
}

/** Votes per candidate in the current round, sorted: the shape that decides DECIDE and START_REVOTE. */
function tallyShape(snapshot: TenderSnapshot): number[] {
  const { ballots, round } = snapshot.context
  const counts = new Map<string, number>()
  for (const b of ballots)
    if (b.round === round) counts.set(b.candidateBidId, (counts.get(b.candidateBidId) ?? 0) + 1)
  return [...counts.values()].sort()
}

/**
 * Collapses a snapshot to what the guards care about (counts, not identities), so the traversal
 * stays small: e.g. which expert declared first does not matter, how many have declared does.
 */
export function modelKey(snapshot: TenderSnapshot): string {
  const c = snapshot.context
  return JSON.stringify([
    snapshot.value,
    c.suspended,
    c.pendingObjections.length,
    c.questions.map((q) => q.answered),
    c.amendmentIds.length,
    c.deadline,
    c.expertCommittee.length,
    c.declaredExperts.length,
    c.rejectedBids.length,
    c.scoredExperts.length,
    c.candidates.length,
    c.awardCommittee.length,
    c.dossierHash !== null,
    c.attendance.map((a) => a.status).sort(),
    c.round,
    c.roundStatus,
    c.activeCandidates.length,
    tallyShape(snapshot),
    c.declinedBidIds.length,
    c.noticeIssuedAt !== null,
    c.failureReason,
  ])
}
