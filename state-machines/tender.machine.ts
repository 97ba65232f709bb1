// The tender lifecycle (DESIGN §2) as a pure XState v5 machine: no invoke, no delays, no clock.
// Drive it with initialTransition / transition; time comes from each event's `at`, limits from the
// rule pack frozen at PUBLISH. Guards: tender-*.guards.ts; context updates: tender-*.updates.ts.
import type { SnapshotFrom } from 'xstate'
import { initialTenderContext } from './tender.context.ts'
import { isTenderEventType } from './tender.event-guard.ts'
import type { TenderEventType } from './tender.events.ts'
import { tenderSetup } from './tender.setup.ts'

export type { FailureReason, TenderContext } from './tender.context.ts'
export { isHeld } from './tender.context.ts'
export { EVENTS_ALLOWED_WHILE_HELD, TENDER_EVENT_TYPES } from './tender.event-guard.ts'

// Every phase after draft can be suspended (暂停) and resumed, and every non-final phase cancelled (终止).
const suspendAndCancel = {
  SUSPEND: { guard: 'canSuspend', actions: 'suspend' },
  RESUME: { guard: 'canResume', actions: 'resume' },
  CANCEL: { guard: 'canCancel', target: 'cancelled', actions: 'cancel' },
} as const

/** Answering a pending objection without changing phase (a carried-over one, or not upheld). */
const answerPending = { guard: 'isPendingObjection', actions: 'answerObjection' } as const

export const tenderMachine = tenderSetup.createMachine({
  id: 'tender',
  initial: 'draft',
  context: ({ input }) => initialTenderContext(input),
  states: {
    draft: {
      on: {
        EDIT: { guard: 'canEdit', actions: 'editParticulars' },
        PUBLISH: { guard: 'canPublish', target: 'bidding', actions: 'publish' },
        CANCEL: suspendAndCancel.CANCEL,
      },
    },
    bidding: {
      on: {
        ...suspendAndCancel,
        QUESTION_ASKED: { guard: 'canAskQuestion', actions: 'askQuestion' },
        QUESTION_ANSWERED: { guard: 'canAnswerQuestion', actions: 'answerQuestion' },
        AMEND: { guard: 'canAmend', actions: 'amend' },
        EXTEND_DEADLINE: { guard: 'canExtendDeadline', actions: 'extendDeadline' },
        OBJECTION_RAISED: { guard: 'canRaiseDocumentsObjection', actions: 'raiseObjection' },
        OBJECTION_ANSWERED: answerPending,
        CLOSE_BIDDING: [
          {
            guard: 'closesWithTooFewBids',
            target: 'failed',
            actions: ['closeBidding', { type: 'fail', params: { reason: 'insufficientBids' } }],
          },
          { guard: 'canCloseBidding', target: 'opening', actions: 'closeBidding' },
        ],
      },
    },
    opening: {
      on: {
        ...suspendAndCancel,
        OBJECTION_RAISED: { guard: 'canRaiseOpeningObjection', actions: 'raiseObjection' },
        OBJECTION_ANSWERED: answerPending,
        OPEN: [
          {
            guard: 'opensWithTooFewValidBids',
            target: 'failed',
            actions: ['open', { type: 'fail', params: { reason: 'insufficientValidBids' } }],
          },
          { guard: 'canOpen', target: 'evaluation', actions: 'open' },
        ],
      },
    },
    evaluation: {
      on: {
        ...suspendAndCancel,
        OBJECTION_ANSWERED: answerPending,
        DRAW_EXPERTS: { guard: 'canDrawExperts', actions: 'drawExperts' },
        DECLARE_NO_CONFLICT: { guard: 'canDeclareNoConflict', actions: 'declareNoConflict' },
        REJECT_BID: { guard: 'canRejectBid', actions: 'rejectBid' },
        SUBMIT_SCORES: { guard: 'canSubmitScores', actions: 'submitScores' },
        SUBMIT_REPORT: [
          {
            guard: 'reportRejectsAll',
            target: 'failed',
            actions: ['submitReport', { type: 'fail', params: { reason: 'allBidsRejected' } }],
          },
          { guard: 'canSubmitReport', target: 'candidatePublicity', actions: 'submitReport' },
        ],
      },
    },
    candidatePublicity: {
      on: {
        ...suspendAndCancel,
        OBJECTION_RAISED: { guard: 'canRaiseCandidatesObjection', actions: 'raiseObjection' },
        OBJECTION_ANSWERED: [
          {
            guard: 'isUpheldObjection',
            target: 'evaluation',
            actions: ['answerObjection', 'reopenEvaluation'],
          },
          answerPending,
        ],
        END_PUBLICITY: { guard: 'canEndPublicity', target: 'awarding', actions: 'startAwardVote' },
      },
    },
    awarding: {
      on: {
        ...suspendAndCancel,
        OBJECTION_ANSWERED: answerPending,
        FORM_AWARD_COMMITTEE: { guard: 'canFormAwardCommittee', actions: 'formAwardCommittee' },
        FREEZE_DOSSIERS: { guard: 'canFreezeDossiers', actions: 'freezeDossiers' },
        CHECK_IN: { guard: 'canCheckIn', actions: 'checkIn' },
        RECUSE: { guard: 'canRecuse', actions: 'recuse' },
        OPEN_ROUND: { guard: 'canOpenRound', actions: 'openRound' },
        CAST_BALLOT: { guard: 'canCastBallot', actions: 'castBallot' },
        CLOSE_ROUND: { guard: 'canCloseRound', actions: 'closeRound' },
        START_REVOTE: { guard: 'canStartRevote', actions: 'startRevote' },
        DECIDE: { guard: 'canDecide', target: 'resultPublicity', actions: 'decide' },
        FAIL_AWARD: {
          guard: 'canFailTiedAward',
          target: 'failed',
          actions: { type: 'fail', params: { reason: 'awardTied' } },
        },
      },
    },
    resultPublicity: {
      on: {
        ...suspendAndCancel,
        OBJECTION_RAISED: { guard: 'canRaiseResultObjection', actions: 'raiseObjection' },
        OBJECTION_ANSWERED: [
          { guard: 'isUpheldObjection', target: 'awarding', actions: ['answerObjection', 'startAwardVote'] },
          answerPending,
        ],
        END_PUBLICITY: { guard: 'canEndPublicity', target: 'awarded' },
      },
    },
    awarded: {
      on: {
        ...suspendAndCancel,
        ISSUE_AWARD_NOTICE: { guard: 'canIssueAwardNotice', actions: 'issueAwardNotice' },
        WINNER_DECLINED: [
          {
            guard: 'declineLeavesNoCandidate',
            target: 'failed',
            actions: ['declineWinner', { type: 'fail', params: { reason: 'noRemainingCandidates' } }],
          },
          { guard: 'canDeclineWinner', target: 'awarding', actions: 'declineWinner' },
        ],
        CONTRACT_SIGNED: { guard: 'canSignContract', target: 'completed', actions: 'signContract' },
      },
    },
    completed: { type: 'final' },
    failed: { type: 'final' },
    cancelled: { type: 'final' },
  },
})

export type TenderSnapshot = SnapshotFrom<typeof tenderMachine>

export const TENDER_STATES = [
  'draft',
  'bidding',
  'opening',
  'evaluation',
  'candidatePublicity',
  'awarding',
  'resultPublicity',
  'awarded',
  'completed',
  'failed',
  'cancelled',
] as const
export type TenderState = (typeof TENDER_STATES)[number]

export const FINAL_TENDER_STATES: readonly TenderState[] = ['completed', 'failed', 'cancelled']

/** The top-level state name (the machine is flat, so this is the whole state value). */
export function tenderStateOf(snapshot: TenderSnapshot): TenderState {
  return snapshot.value
}

/** Event types the current state has transitions for, guards ignored: the "allowed" list of a 409. */
export function acceptedEventTypes(snapshot: TenderSnapshot): TenderEventType[] {
  if (snapshot.status !== 'active') return []
  const node = tenderMachine.states[tenderStateOf(snapshot)]
  return (node?.ownEvents ?? []).filter(isTenderEventType)
}
