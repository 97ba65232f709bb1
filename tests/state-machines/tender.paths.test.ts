// Whole histories folded from the TENDER_CREATED input: the happy path and every failure path.
import { describe, expect, it } from 'vitest'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { BIDS, EXPERTS, ev, fold, MEMBERS, T, unanimousRound } from './tender.fixtures.ts'
import { CANDIDATE_PUBLICITY_END, HISTORY, RESULT_PUBLICITY_END } from './tender.given.ts'

describe('the happy path', () => {
  it('runs from draft to completed', () => {
    const completed = fold([
      ev.edit({ description: '道路改造' }),
      ev.publish(),
      { type: 'QUESTION_ASKED', at: T(2), questionId: 'q1' },
      { type: 'QUESTION_ANSWERED', at: T(3), questionId: 'q1' },
      { type: 'AMEND', at: T(4), amendmentId: 'a1', summary: '澄清工期', newDeadline: null },
      ev.close(),
      ev.open(),
      ev.draw(),
      ...EXPERTS.map(ev.declare),
      ...EXPERTS.map((e) => ev.scores(e, BIDS)),
      ev.report(),
      ev.endPublicity(CANDIDATE_PUBLICITY_END),
      ev.formAward(),
      ev.freeze(),
      ...MEMBERS.map((m) => ev.checkIn(m)),
      ...unanimousRound('b2'),
      ev.decide('b2'),
      ev.endPublicity(RESULT_PUBLICITY_END),
      ev.notice(),
      ev.contract(),
    ])
    expect(tenderStateOf(completed)).toBe('completed')
    expect(completed.status).toBe('done')
    expect(completed.context).toMatchObject({
      winnerBidId: 'b2',
      contractRef: 'HT-001',
      contractSignedLate: false,
      failureReason: null,
      cancelReason: null,
    })
  })
})

describe('failure paths', () => {
  it('insufficient bids at the deadline', () => {
    const failed = fold([...HISTORY.toBidding, ev.close(2)])
    expect(failed.context.failureReason).toBe('insufficientBids')
  })

  it('insufficient valid bids after opening', () => {
    const failed = fold([
      ...HISTORY.toOpening,
      ev.open(['opened', 'opened', 'decryptFailedBidder', 'invalid']),
    ])
    expect(failed.context.failureReason).toBe('insufficientValidBids')
  })

  it('every bid rejected', () => {
    const failed = fold([
      ...HISTORY.toEvaluation,
      ev.draw(),
      ...EXPERTS.map(ev.declare),
      ...BIDS.map((b) => ev.reject('e3', b)),
      ...EXPERTS.map((e) => ev.scores(e, [])),
      ev.report([]),
    ])
    expect(failed.context.failureReason).toBe('allBidsRejected')
  })

  it('every winner declined', () => {
    const again = (winner: string, candidates: string[]) => [
      ...unanimousRound(winner, candidates),
      ev.decide(winner),
      ev.endPublicity(RESULT_PUBLICITY_END),
    ]
    const failed = fold([
      ...HISTORY.toNoticeIssued,
      ev.decline(),
      ...again('b2', ['b2', 'b3']),
      ev.decline(),
      ...again('b3', ['b3']),
      ev.notice(),
      ev.decline(),
    ])
    expect(tenderStateOf(failed)).toBe('failed')
    expect(failed.context.failureReason).toBe('noRemainingCandidates')
  })

  it.each(Object.entries(HISTORY))('cancel after %s', (_name, history) => {
    const cancelled = fold([...history, ev.cancel(T(45))])
    expect(tenderStateOf(cancelled)).toBe('cancelled')
    expect(cancelled.context.cancelReason).toBe('项目取消')
  })

  it('cancel from draft', () => {
    expect(tenderStateOf(fold([ev.cancel(T(0))]))).toBe('cancelled')
  })
})
