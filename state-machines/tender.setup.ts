// The tender machine's vocabulary: its types and every named guard and action, all pure.
// Guards and updates live in tender-*.guards.ts / tender-*.updates.ts; this file only names them.
import { assign, setup } from 'xstate'
import type { FailureReason, TenderContext } from './tender.context.ts'
import { guardFor as g, updateFor as u } from './tender.event-guard.ts'
import type { TenderEvent, TenderInput } from './tender.events.ts'
import * as award from './tender-award.guards.ts'
import * as awardUpdates from './tender-award.updates.ts'
import * as decision from './tender-award-decision.guards.ts'
import * as sitting from './tender-award-sitting.guards.ts'
import * as bidding from './tender-bidding.guards.ts'
import * as updates from './tender-bidding.updates.ts'
import * as common from './tender-common.guards.ts'
import * as draft from './tender-draft.guards.ts'
import * as evaluation from './tender-evaluation.guards.ts'
import * as evaluationUpdates from './tender-evaluation.updates.ts'
import * as opening from './tender-opening.guards.ts'
import * as report from './tender-report.guards.ts'

export const tenderSetup = setup({
  types: {
    context: {} as TenderContext,
    events: {} as TenderEvent,
    input: {} as TenderInput,
  },
  guards: {
    canEdit: g('EDIT', draft.canEdit),
    canPublish: g('PUBLISH', { available: draft.canPublishNow, check: draft.canPublish }),
    canAskQuestion: g('QUESTION_ASKED', bidding.canAskQuestion),
    canAnswerQuestion: g('QUESTION_ANSWERED', bidding.canAnswerQuestion),
    canAmend: g('AMEND', bidding.canAmend),
    canExtendDeadline: g('EXTEND_DEADLINE', bidding.canExtendDeadline),
    closesWithTooFewBids: g('CLOSE_BIDDING', bidding.closesWithTooFewBids),
    canCloseBidding: g('CLOSE_BIDDING', bidding.canCloseBidding),
    canRaiseDocumentsObjection: g('OBJECTION_RAISED', common.canRaiseObjection('documents')),
    canRaiseOpeningObjection: g('OBJECTION_RAISED', common.canRaiseObjection('opening')),
    canRaiseCandidatesObjection: g('OBJECTION_RAISED', common.canRaiseObjection('candidates')),
    canRaiseResultObjection: g('OBJECTION_RAISED', common.canRaiseObjection('result')),
    isPendingObjection: g('OBJECTION_ANSWERED', common.isPendingObjection),
    isUpheldObjection: g('OBJECTION_ANSWERED', common.isUpheldObjection),
    canSuspend: g('SUSPEND', common.canSuspend),
    canResume: g('RESUME', common.canResume),
    canCancel: g('CANCEL', common.canCancel),
    opensWithTooFewValidBids: g('OPEN', opening.opensWithTooFewValidBids),
    canOpen: g('OPEN', opening.canOpen),
    canDrawExperts: g('DRAW_EXPERTS', evaluation.canDrawExperts),
    canDeclareNoConflict: g('DECLARE_NO_CONFLICT', evaluation.canDeclareNoConflict),
    canRejectBid: g('REJECT_BID', evaluation.canRejectBid),
    canSubmitScores: g('SUBMIT_SCORES', evaluation.canSubmitScores),
    reportRejectsAll: g('SUBMIT_REPORT', report.reportRejectsAll),
    canSubmitReport: g('SUBMIT_REPORT', report.canSubmitReport),
    canEndPublicity: g('END_PUBLICITY', { available: report.publicityOver, check: () => null }),
    canFormAwardCommittee: g('FORM_AWARD_COMMITTEE', {
      available: award.canFormAwardCommitteeNow,
      check: award.canFormAwardCommittee,
    }),
    canFreezeDossiers: g('FREEZE_DOSSIERS', {
      available: award.canFreezeDossiersNow,
      check: award.canFreezeDossiers,
    }),
    canCheckIn: g('CHECK_IN', sitting.checkInGuard),
    canRecuse: g('RECUSE', sitting.recuseGuard),
    canOpenRound: g('OPEN_ROUND', sitting.openRoundGuard),
    canCastBallot: g('CAST_BALLOT', award.castBallotGuard),
    canCloseRound: g('CLOSE_ROUND', sitting.closeRoundGuard),
    canStartRevote: g('START_REVOTE', {
      available: decision.canStartRevoteNow,
      check: decision.canStartRevote,
    }),
    canDecide: g('DECIDE', { available: decision.canDecideNow, check: decision.canDecide }),
    canFailTiedAward: g('FAIL_AWARD', {
      available: decision.canFailTiedAwardNow,
      check: decision.canFailTiedAward,
    }),
    canIssueAwardNotice: g('ISSUE_AWARD_NOTICE', {
      available: decision.canIssueAwardNoticeNow,
      check: decision.canIssueAwardNotice,
    }),
    declineLeavesNoCandidate: g('WINNER_DECLINED', {
      available: decision.canDeclineWinnerNow,
      check: decision.declineLeavesNoCandidate,
    }),
    canDeclineWinner: g('WINNER_DECLINED', {
      available: decision.canDeclineWinnerNow,
      check: decision.canDeclineWinner,
    }),
    canSignContract: g('CONTRACT_SIGNED', {
      available: decision.canSignContractNow,
      check: decision.canSignContract,
    }),
  },
  actions: {
    editParticulars: assign(u('EDIT', updates.editParticulars)),
    publish: assign(u('PUBLISH', updates.publish)),
    askQuestion: assign(u('QUESTION_ASKED', updates.askQuestion)),
    answerQuestion: assign(u('QUESTION_ANSWERED', updates.answerQuestion)),
    amend: assign(u('AMEND', updates.amend)),
    extendDeadline: assign(u('EXTEND_DEADLINE', updates.extendDeadline)),
    closeBidding: assign(u('CLOSE_BIDDING', updates.closeBidding)),
    raiseObjection: assign(u('OBJECTION_RAISED', updates.raiseObjection)),
    answerObjection: assign(u('OBJECTION_ANSWERED', updates.answerObjection)),
    suspend: assign(u('SUSPEND', updates.suspend)),
    resume: assign(u('RESUME', updates.resume)),
    cancel: assign(u('CANCEL', updates.cancel)),
    fail: assign((_, params: { reason: FailureReason }) => updates.failWith(params.reason)),
    open: assign(u('OPEN', evaluationUpdates.open)),
    drawExperts: assign(u('DRAW_EXPERTS', evaluationUpdates.drawExperts)),
    declareNoConflict: assign(u('DECLARE_NO_CONFLICT', evaluationUpdates.declareNoConflict)),
    rejectBid: assign(u('REJECT_BID', evaluationUpdates.rejectBid)),
    submitScores: assign(u('SUBMIT_SCORES', evaluationUpdates.submitScores)),
    submitReport: assign(u('SUBMIT_REPORT', evaluationUpdates.submitReport)),
    reopenEvaluation: assign(({ context }) => evaluationUpdates.reopenEvaluation(context)),
    startAwardVote: assign(({ context }) => awardUpdates.startAwardVote(context)),
    formAwardCommittee: assign(u('FORM_AWARD_COMMITTEE', awardUpdates.formAwardCommittee)),
    freezeDossiers: assign(u('FREEZE_DOSSIERS', awardUpdates.freezeDossiers)),
    checkIn: assign(u('CHECK_IN', awardUpdates.checkIn)),
    recuse: assign(u('RECUSE', awardUpdates.recuse)),
    openRound: assign(u('OPEN_ROUND', awardUpdates.openRound)),
    castBallot: assign(u('CAST_BALLOT', awardUpdates.castBallot)),
    closeRound: assign(u('CLOSE_ROUND', awardUpdates.closeRound)),
    startRevote: assign(u('START_REVOTE', awardUpdates.startRevote)),
    decide: assign(u('DECIDE', awardUpdates.decide)),
    issueAwardNotice: assign(u('ISSUE_AWARD_NOTICE', awardUpdates.issueAwardNotice)),
    declineWinner: assign(u('WINNER_DECLINED', awardUpdates.declineWinner)),
    signContract: assign(u('CONTRACT_SIGNED', awardUpdates.signContract)),
  },
})
