// Given an awarded tender, when the notice is issued, the contract is signed or the winner declines.
import { describe, expect, it } from 'vitest'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, ev, fold, MEMBERS, step, T, unanimousRound } from './tender.fixtures.ts'
import { given, RESULT_PUBLICITY_END } from './tender.given.ts'

describe('awarded: ISSUE_AWARD_NOTICE (中标通知书)', () => {
  it('is issued once; the contract falls due 30 days later (法 Art 46)', () => {
    const issued = step(given.awarded(), ev.notice(T(31, 1)))
    expect(issued.context).toMatchObject({
      noticeId: 'notice-1',
      noticeIssuedAt: T(31, 1),
      contractDueAt: T(61, 1),
    })
    expect(accepts(issued, ev.notice(T(32)))).toBe(false)
    expect(accepts(given.awarded(), { type: 'ISSUE_AWARD_NOTICE', at: T(31), noticeId: '' })).toBe(false)
  })
})

describe('awarded: CONTRACT_SIGNED', () => {
  it('needs the notice first', () => {
    expect(accepts(given.awarded(), ev.contract())).toBe(false)
  })

  it('completes the tender, in time or late', () => {
    const inTime = step(given.noticeIssued(), ev.contract(T(61, 1)))
    expect(tenderStateOf(inTime)).toBe('completed')
    expect(inTime.context).toMatchObject({ contractRef: 'HT-001', contractSignedLate: false })
    expect(step(given.noticeIssued(), ev.contract(T(61, 2))).context.contractSignedLate).toBe(true)
    expect(accepts(given.noticeIssued(), { type: 'CONTRACT_SIGNED', at: T(40), contractRef: ' ' })).toBe(
      false,
    )
  })
})

describe('awarded: WINNER_DECLINED', () => {
  it('needs a reason', () => {
    expect(accepts(given.awarded(), ev.decline(''))).toBe(false)
  })

  it('returns to awarding among the remaining candidates, keeping committee and dossiers', () => {
    const next = step(given.noticeIssued(), ev.decline())
    expect(tenderStateOf(next)).toBe('awarding')
    expect(next.context).toMatchObject({
      declinedBidIds: ['b1'],
      activeCandidates: ['b2', 'b3'],
      round: 1,
      ballots: [],
      winnerBidId: null,
      noticeId: null,
      noticeIssuedAt: null,
      contractDueAt: null,
      awardCommittee: [...MEMBERS],
      dossierHash: 'dossiers',
      roundStatus: 'pending',
    })
    // the members' check-ins stand; the chair opens the new vote's first round
    expect(next.context.attendance.map((a) => a.status)).toEqual(MEMBERS.map(() => 'checkedIn'))
    expect(accepts(next, ev.ballot('m1', 'b1'))).toBe(false)
    expect(accepts(step(next, ev.openRound()), ev.ballot('m1', 'b1'))).toBe(false)
    const redecided = fold([...unanimousRound('b3', ['b2', 'b3']), ev.decide('b3')], next)
    expect(redecided.context.winnerBidId).toBe('b3')
  })

  it('fails (流标) when no candidate remains', () => {
    let snapshot = step(given.awarded(), ev.decline())
    for (const winner of ['b2', 'b3']) {
      const candidates = [...snapshot.context.activeCandidates]
      snapshot = fold(
        [...unanimousRound(winner, candidates), ev.decide(winner), ev.endPublicity(RESULT_PUBLICITY_END)],
        snapshot,
      )
      snapshot = step(snapshot, ev.decline())
    }
    expect(tenderStateOf(snapshot)).toBe('failed')
    expect(snapshot.context).toMatchObject({
      failureReason: 'noRemainingCandidates',
      declinedBidIds: ['b1', 'b2', 'b3'],
    })
  })
})
