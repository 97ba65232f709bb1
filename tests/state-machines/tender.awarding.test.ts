// Given a tender in awarding (定标), when the committee forms, freezes dossiers, votes and decides.
import { describe, expect, it } from 'vitest'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, closed, ev, fold, MEMBERS, step, T, unanimous } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

/** 2 votes for b1, 2 for b2, 1 for b3: a tie at the top. */
const tiedRound = () => [
  ev.ballot('m1', 'b1'),
  ev.ballot('m2', 'b1'),
  ev.ballot('m3', 'b2'),
  ev.ballot('m4', 'b2'),
  ev.ballot('m5', 'b3'),
]

describe('awarding: FORM_AWARD_COMMITTEE', () => {
  it('accepts 5 distinct members with a chair among them, once', () => {
    const formed = step(given.awarding(), ev.formAward())
    expect(formed.context).toMatchObject({ awardCommittee: [...MEMBERS], awardChairId: 'm1' })
    expect(accepts(formed, ev.formAward())).toBe(false)
  })

  it('refuses too few or an even number of members, repeats and an outside chair', () => {
    const awarding = given.awarding()
    expect(accepts(awarding, ev.formAward(['m1', 'm2', 'm3']))).toBe(false)
    expect(accepts(awarding, ev.formAward([...MEMBERS, 'm6']))).toBe(false)
    expect(accepts(awarding, ev.formAward(['m1', 'm2', 'm3', 'm4', 'm4']))).toBe(false)
    expect(accepts(awarding, ev.formAward(MEMBERS, 'm9'))).toBe(false)
  })
})

describe('awarding: FREEZE_DOSSIERS', () => {
  it('needs a committee, then freezes once', () => {
    expect(accepts(given.awarding(), ev.freeze())).toBe(false)
    const formed = step(given.awarding(), ev.formAward())
    expect(accepts(formed, { type: 'FREEZE_DOSSIERS', at: T(27), dossierHash: '' })).toBe(false)
    const frozen = step(formed, ev.freeze())
    expect(frozen.context.dossierHash).toBe('dossiers')
    expect(accepts(frozen, ev.freeze())).toBe(false)
  })
})

describe('awarding: CAST_BALLOT', () => {
  it('needs frozen dossiers', () => {
    expect(accepts(step(given.awarding(), ev.formAward()), ev.ballot('m1', 'b1'))).toBe(false)
  })

  it('takes one ballot per member per round for an active candidate, with a reason', () => {
    const open = given.ballotOpen()
    const cast = step(open, ev.ballot('m1', 'b2'))
    expect(cast.context.ballots).toEqual([{ round: 1, memberId: 'm1', candidateBidId: 'b2' }])
    expect(accepts(cast, ev.ballot('m1', 'b1'))).toBe(false)
    expect(accepts(open, ev.ballot('x9', 'b1'))).toBe(false)
    expect(accepts(open, ev.ballot('m1', 'b4'))).toBe(false)
    expect(accepts(open, ev.ballot('m1', 'b1', ''))).toBe(false)
  })
})

describe('awarding: DECIDE by simple majority (票决法)', () => {
  it('decides the unique top once everyone voted and the chair closed the round, and starts result publicity', () => {
    const open = given.ballotOpen()
    const voted = fold(
      [...unanimous('b3', ['m1', 'm2', 'm3']), ev.ballot('m4', 'b1'), ev.ballot('m5', 'b2')],
      open,
    )
    // nothing is tallied before the close
    expect(accepts(voted, ev.decide('b3'))).toBe(false)
    const next = step(closed(voted), ev.decide('b3'))
    expect(tenderStateOf(next)).toBe('resultPublicity')
    expect(next.context).toMatchObject({ winnerBidId: 'b3', decidedAt: T(27, 4), publicityEndsAt: T(30, 4) })
  })

  it('refuses before everyone voted, a winner who is not top, blank reasons', () => {
    const open = given.ballotOpen()
    expect(accepts(fold(unanimous('b1', ['m1', 'm2', 'm3', 'm4']), open), ev.decide('b1'))).toBe(false)
    const voted = closed(fold(unanimous('b1'), open))
    expect(accepts(voted, ev.decide('b2'))).toBe(false)
    expect(accepts(voted, ev.decide('b1', ' '))).toBe(false)
    expect(accepts(voted, ev.decide('b4'))).toBe(false)
    expect(accepts(voted, { ...ev.decide('b1'), by: 'supervisor' } as unknown as TenderEvent)).toBe(false)
    expect(accepts(voted, { ...ev.decide('b1'), by: 'chair' } as TenderEvent)).toBe(true)
  })

  it('re-votes a tie among the tied candidates, then decides', () => {
    const tied = closed(fold(tiedRound(), given.ballotOpen()))
    expect(accepts(tied, ev.decide('b1'))).toBe(false)
    const revote = step(tied, ev.revote())
    expect(revote.context).toMatchObject({ round: 2, roundStatus: 'pending', activeCandidates: ['b1', 'b2'] })
    // round 2 takes ballots once the chair opens it, and only for the tied
    expect(accepts(revote, ev.ballot('m1', 'b1'))).toBe(false)
    const reopened = step(revote, ev.openRound(2))
    expect(accepts(reopened, ev.ballot('m5', 'b3'))).toBe(false)
    const decided = fold(
      [...unanimous('b2', ['m1', 'm2', 'm3']), ev.ballot('m4', 'b1'), ev.ballot('m5', 'b1')],
      reopened,
    )
    expect(accepts(decided, ev.decide('b2'))).toBe(false)
    expect(accepts(closed(decided), ev.decide('b2'))).toBe(true)
  })

  it('refuses a re-vote before everyone voted, before the close or without a tie', () => {
    const open = given.ballotOpen()
    expect(accepts(fold(tiedRound().slice(0, 4), open), ev.revote())).toBe(false)
    expect(accepts(fold(tiedRound(), open), ev.revote())).toBe(false)
    expect(accepts(closed(fold(unanimous('b1'), open)), ev.revote())).toBe(false)
  })
})
