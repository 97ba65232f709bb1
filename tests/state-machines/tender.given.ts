// Given-steps: the event histories that bring the scenario tender to each phase.
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import type { TenderSnapshot } from '../../state-machines/tender.machine.ts'
import { BIDS, EXPERTS, ev, fold, MEMBERS, T, unanimous } from './tender.fixtures.ts'

export const CANDIDATE_PUBLICITY_END = T(26)
export const RESULT_PUBLICITY_END = T(30, 4)

const toBidding: TenderEvent[] = [ev.publish()]
const toOpening = [...toBidding, ev.close()]
const toEvaluation = [...toOpening, ev.open()]
const toCommitteeReady = [...toEvaluation, ev.draw(), ...EXPERTS.map(ev.declare)]
const toScored = [...toCommitteeReady, ...EXPERTS.map((e) => ev.scores(e, BIDS))]
const toCandidatePublicity = [...toScored, ev.report()]
const toAwarding = [...toCandidatePublicity, ev.endPublicity(CANDIDATE_PUBLICITY_END)]
const toDossiersFrozen = [...toAwarding, ev.formAward(), ev.freeze()]
const toBallotOpen = [...toDossiersFrozen, ...MEMBERS.map((m) => ev.checkIn(m)), ev.openRound()]
const unanimousTally = [
  { bidId: 'b1', votes: 5 },
  { bidId: 'b2', votes: 0 },
  { bidId: 'b3', votes: 0 },
]
const toResultPublicity = [
  ...toBallotOpen,
  ...unanimous('b1'),
  ev.closeRound(unanimousTally),
  ev.decide('b1'),
]
const toAwarded = [...toResultPublicity, ev.endPublicity(RESULT_PUBLICITY_END)]
const toNoticeIssued = [...toAwarded, ev.notice()]

export const given = {
  draft: (): TenderSnapshot => fold([]),
  bidding: (): TenderSnapshot => fold(toBidding),
  opening: (): TenderSnapshot => fold(toOpening),
  evaluation: (): TenderSnapshot => fold(toEvaluation),
  /** Evaluation with the committee drawn and every expert declared. */
  committeeReady: (): TenderSnapshot => fold(toCommitteeReady),
  /** Evaluation with every expert's scores in. */
  scored: (): TenderSnapshot => fold(toScored),
  candidatePublicity: (): TenderSnapshot => fold(toCandidatePublicity),
  awarding: (): TenderSnapshot => fold(toAwarding),
  /** Awarding with the committee formed and the dossiers frozen; nobody has checked in. */
  dossiersFrozen: (): TenderSnapshot => fold(toDossiersFrozen),
  /** Awarding with the dossiers frozen, every member checked in and round 1 opened by the chair. */
  ballotOpen: (): TenderSnapshot => fold(toBallotOpen),
  resultPublicity: (): TenderSnapshot => fold(toResultPublicity),
  awarded: (): TenderSnapshot => fold(toAwarded),
  noticeIssued: (): TenderSnapshot => fold(toNoticeIssued),
}

export const HISTORY = {
  toBidding,
  toOpening,
  toEvaluation,
  toCandidatePublicity,
  toAwarding,
  toDossiersFrozen,
  toBallotOpen,
  toResultPublicity,
  toAwarded,
  toNoticeIssued,
}
