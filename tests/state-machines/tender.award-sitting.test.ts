// Given the award meeting's sitting (定标会), when members check in (签到) or recuse (回避) and the chair
// opens and closes the rounds, then the machine takes ballots only from members checked in, in an open
// round, opened only with the pack's quorum present; the tally follows the close. A pack frozen before
// the sitting existed keeps the old procedure.
import { describe, expect, it } from 'vitest'
import { refusalOf } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import type { TenderSnapshot } from '../../state-machines/tender.machine.ts'
import { accepts, closed, closeOf, ev, fold, MEMBERS, packWith, step, unanimous } from './tender.fixtures.ts'
import { given, HISTORY } from './tender.given.ts'

const SEVEN = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']
const quorum = packWith({}).awardQuorum!

const codeOf = (snapshot: TenderSnapshot, event: TenderEvent) => refusalOf(snapshot, event)?.code ?? null

/** Awarding under the default pack, a committee of `members` (chair m1) and frozen dossiers. */
function frozenWith(members: readonly string[]): TenderSnapshot {
  return fold([ev.formAward(members), ev.freeze()], given.awarding())
}

describe('CHECK_IN and RECUSE', () => {
  it('records each member once: checked in with a statement, or recused with a reason', () => {
    const frozen = given.dossiersFrozen()
    const checked = step(frozen, ev.checkIn('m1'))
    expect(checked.context.attendance).toEqual([
      { memberId: 'm1', status: 'checkedIn', at: expect.any(String) },
    ])
    expect(codeOf(checked, ev.checkIn('m1'))).toBe('already_checked_in')
    expect(codeOf(frozen, ev.checkIn('x9'))).toBe('rule_violation')
    expect(refusalOf(frozen, ev.checkIn('m2', ' '))).toMatchObject({ field: 'statement' })
    // a member who checked in may still recuse before a round opens; a recusal is final
    const recused = step(checked, ev.recuse('m1'))
    expect(recused.context.attendance).toEqual([
      { memberId: 'm1', status: 'recused', at: expect.any(String) },
    ])
    expect(codeOf(recused, ev.checkIn('m1'))).toBe('already_recused')
    expect(codeOf(recused, ev.recuse('m1'))).toBe('already_recused')
    expect(refusalOf(frozen, ev.recuse('m2', ''))).toMatchObject({ field: 'reason' })
  })

  it('needs the committee, and may come before the dossiers are frozen', () => {
    expect(codeOf(given.awarding(), ev.checkIn('m1'))).toBe('rule_violation')
    const formed = step(given.awarding(), ev.formAward())
    expect(accepts(formed, ev.checkIn('m1'))).toBe(true)
  })

  it('refuses a recusal while a round is open, takes one between rounds', () => {
    const open = fold([...SEVEN.map((m) => ev.checkIn(m)), ev.openRound()], frozenWith(SEVEN))
    expect(codeOf(open, ev.recuse('m7'))).toBe('round_open')
    const voted = closed(fold(unanimous('b1', SEVEN), open))
    expect(accepts(voted, ev.recuse('m7'))).toBe(true)
  })
})

describe('OPEN_ROUND', () => {
  it('waits for frozen dossiers and for every drawn member to check in or recuse', () => {
    const formed = fold(
      MEMBERS.map((m) => ev.checkIn(m)),
      step(given.awarding(), ev.formAward()),
    )
    expect(codeOf(formed, ev.openRound())).toBe('dossiers_not_frozen')
    const partly = fold(
      MEMBERS.slice(0, 4).map((m) => ev.checkIn(m)),
      given.dossiersFrozen(),
    )
    expect(refusalOf(partly, ev.openRound())).toMatchObject({
      code: 'quorum_not_met',
      rule: 'awardQuorum',
      limit: quorum.value,
      source: quorum.source,
      details: { absent: ['m5'], recused: [], checkedIn: 4 },
    })
    const all = step(partly, ev.checkIn('m5'))
    expect(step(all, ev.openRound()).context.roundStatus).toBe('open')
  })

  it('needs the quorum checked in: a recusal from a committee of the minimum size waits for a replacement', () => {
    const four = fold(
      [...MEMBERS.slice(0, 4).map((m) => ev.checkIn(m)), ev.recuse('m5')],
      given.dossiersFrozen(),
    )
    expect(refusalOf(four, ev.openRound())).toMatchObject({
      code: 'quorum_not_met',
      limit: quorum.value,
      details: { absent: [], recused: ['m5'], checkedIn: 4 },
    })
    // drawn larger, the committee keeps its quorum after one recusal, and the recused member does not vote
    const six = fold(
      [...SEVEN.slice(0, 6).map((m) => ev.checkIn(m)), ev.recuse('m7'), ev.openRound()],
      frozenWith(SEVEN),
    )
    expect(codeOf(six, ev.ballot('m7', 'b1'))).toBe('member_recused')
    const voted = fold(unanimous('b2', SEVEN.slice(0, 6)), six)
    expect(closeOf(voted)).toMatchObject({
      tally: [
        { bidId: 'b1', votes: 0 },
        { bidId: 'b2', votes: 6 },
        { bidId: 'b3', votes: 0 },
      ],
    })
    expect(accepts(closed(voted), ev.decide('b2'))).toBe(true)
  })

  it('is the chair’s, for the current round, once; a recused chair stops the meeting', () => {
    const ready = fold(
      MEMBERS.map((m) => ev.checkIn(m)),
      given.dossiersFrozen(),
    )
    expect(refusalOf(ready, ev.openRound(1, 'm2'))).toMatchObject({ code: 'not_the_chair', limit: 'm1' })
    expect(codeOf(ready, ev.openRound(2))).toBe('not_the_current_round')
    const open = step(ready, ev.openRound())
    expect(codeOf(open, ev.openRound())).toBe('round_already_open')
    const chairGone = fold([...SEVEN.slice(1).map((m) => ev.checkIn(m)), ev.recuse('m1')], frozenWith(SEVEN))
    expect(codeOf(chairGone, ev.openRound())).toBe('chair_recused')
  })
})

describe('CAST_BALLOT in the sitting', () => {
  it('is refused before the member checks in, and before the chair opens the round', () => {
    const frozen = given.dossiersFrozen()
    expect(refusalOf(frozen, ev.ballot('m1', 'b1'))).toMatchObject({
      code: 'not_checked_in',
      limit: 'CHECK_IN',
      source: expect.stringContaining('REGULATIONS §5.1'),
    })
    const checked = step(frozen, ev.checkIn('m1'))
    expect(refusalOf(checked, ev.ballot('m1', 'b1'))).toMatchObject({
      code: 'round_not_open',
      limit: 'OPEN_ROUND',
      details: { round: 1, roundStatus: 'pending' },
    })
  })
})

describe('CLOSE_ROUND', () => {
  it('waits for every ballot, is the chair’s, carries the true tally, and ends the round', () => {
    const open = given.ballotOpen()
    const four = fold(unanimous('b1', MEMBERS.slice(0, 4)), open)
    expect(refusalOf(four, closeOf(four))).toMatchObject({
      code: 'ballots_outstanding',
      limit: 5,
      details: { round: 1, waitingFor: ['m5'] },
    })
    const all = step(four, ev.ballot('m5', 'b2'))
    expect(codeOf(all, closeOf(all, 'm2'))).toBe('not_the_chair')
    const wrong = ev.closeRound([
      { bidId: 'b1', votes: 5 },
      { bidId: 'b2', votes: 0 },
      { bidId: 'b3', votes: 0 },
    ])
    expect(refusalOf(all, wrong)).toMatchObject({ field: 'tally' })
    const done = closed(all)
    expect(done.context.roundStatus).toBe('closed')
    expect(codeOf(done, closeOf(done))).toBe('round_not_open')
    expect(codeOf(done, ev.ballot('m5', 'b1'))).toBe('round_not_open')
  })
})

describe('a pack frozen before the sitting (no awardQuorum)', () => {
  it('replays the old procedure: ballots follow the frozen dossiers, the last ballot closes the round', () => {
    const { awardQuorum: _none, ...older } = packWith({})
    const [, ...rest] = HISTORY.toDossiersFrozen
    const frozen = fold([ev.publish({ rulePack: older }), ...rest])
    expect(codeOf(frozen, ev.checkIn('m1'))).toBe('sitting_not_declared')
    expect(codeOf(frozen, ev.openRound())).toBe('sitting_not_declared')
    const voted = fold(unanimous('b1'), frozen)
    expect(codeOf(voted, closeOf(voted))).toBe('sitting_not_declared')
    expect(accepts(voted, ev.decide('b1'))).toBe(true)
  })
})
