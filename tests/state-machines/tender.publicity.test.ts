// Given a tender in candidate or result publicity, when objections arrive and the period ends.
import { describe, expect, it } from 'vitest'
import { isHeld, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, BIDS, EXPERTS, ev, fold, MEMBERS, step, T, unanimousRound } from './tender.fixtures.ts'
import { CANDIDATE_PUBLICITY_END, given, RESULT_PUBLICITY_END } from './tender.given.ts'

describe('candidatePublicity', () => {
  it('ends at the end of the period, not before, and starts the award vote', () => {
    const publicity = given.candidatePublicity()
    expect(accepts(publicity, ev.endPublicity(T(25, 23)))).toBe(false)
    const next = step(publicity, ev.endPublicity(CANDIDATE_PUBLICITY_END))
    expect(tenderStateOf(next)).toBe('awarding')
    expect(next.context).toMatchObject({ activeCandidates: ['b1', 'b2', 'b3'], round: 1, ballots: [] })
  })

  it('takes objections to the candidates during the period only (条例 Art 54)', () => {
    const publicity = given.candidatePublicity()
    expect(accepts(publicity, ev.objection('o1', 'candidates', T(25)))).toBe(true)
    expect(accepts(publicity, ev.objection('o1', 'candidates', CANDIDATE_PUBLICITY_END))).toBe(false)
    expect(accepts(publicity, ev.objection('o1', 'result', T(24)))).toBe(false)
  })

  it('holds the end of publicity until the objection is answered; not upheld, it stays', () => {
    const raised = step(given.candidatePublicity(), ev.objection('o1', 'candidates', T(24)))
    expect(isHeld(raised.context)).toBe(true)
    expect(accepts(raised, ev.endPublicity(T(27)))).toBe(false)
    const answered = step(raised, ev.answer('o1', false, T(25)))
    expect(tenderStateOf(answered)).toBe('candidatePublicity')
    expect(accepts(answered, ev.endPublicity(T(27)))).toBe(true)
  })

  it('upheld, returns to evaluation: committee and declarations kept, the rest cleared', () => {
    const raised = step(given.candidatePublicity(), ev.objection('o1', 'candidates', T(24)))
    const next = step(raised, ev.answer('o1', true, T(25)))
    expect(tenderStateOf(next)).toBe('evaluation')
    expect(next.context).toMatchObject({
      expertCommittee: [...EXPERTS],
      declaredExperts: [...EXPERTS],
      scoredExperts: [],
      scores: [],
      rejectedBids: [],
      candidates: [],
      publicityEndsAt: null,
    })
    const reported = fold([...EXPERTS.map((e) => ev.scores(e, BIDS)), ev.report(['b2'], T(26))], next)
    expect(tenderStateOf(reported)).toBe('candidatePublicity')
    expect(reported.context.publicityEndsAt).toBe(T(29))
  })

  it('carries another pending objection into the re-evaluation, which waits for its answer', () => {
    const raised = fold(
      [ev.objection('o1', 'candidates', T(24)), ev.objection('o2', 'candidates', T(24))],
      given.candidatePublicity(),
    )
    const reopened = step(raised, ev.answer('o1', true, T(25)))
    expect(reopened.context.pendingObjections).toEqual([{ objectionId: 'o2', stage: 'candidates' }])
    expect(accepts(reopened, ev.scores('e1', BIDS))).toBe(false)
    const answered = step(reopened, ev.answer('o2', true, T(25, 1)))
    expect(tenderStateOf(answered)).toBe('evaluation')
    const rescored = fold(
      EXPERTS.map((e) => ev.scores(e, BIDS)),
      answered,
    )
    expect(accepts(rescored, ev.report())).toBe(true)
  })
})

describe('resultPublicity', () => {
  it('ends at the end of the period and the tender is awarded', () => {
    const publicity = given.resultPublicity()
    expect(publicity.context.publicityEndsAt).toBe(RESULT_PUBLICITY_END)
    expect(accepts(publicity, ev.endPublicity(T(30)))).toBe(false)
    expect(tenderStateOf(step(publicity, ev.endPublicity(RESULT_PUBLICITY_END)))).toBe('awarded')
  })

  it('takes objections to the result during the period only', () => {
    const publicity = given.resultPublicity()
    expect(accepts(publicity, ev.objection('o1', 'result', T(29)))).toBe(true)
    expect(accepts(publicity, ev.objection('o1', 'result', RESULT_PUBLICITY_END))).toBe(false)
    expect(accepts(publicity, ev.objection('o1', 'candidates', T(29)))).toBe(false)
  })

  it('not upheld, stays; upheld, returns to awarding with the vote cleared and the committee kept', () => {
    const raised = step(given.resultPublicity(), ev.objection('o1', 'result', T(29)))
    expect(accepts(raised, ev.endPublicity(T(31)))).toBe(false)
    expect(tenderStateOf(step(raised, ev.answer('o1', false, T(29, 1))))).toBe('resultPublicity')
    const next = step(raised, ev.answer('o1', true, T(29, 1)))
    expect(tenderStateOf(next)).toBe('awarding')
    expect(next.context).toMatchObject({
      awardCommittee: [...MEMBERS],
      dossierHash: 'dossiers',
      ballots: [],
      round: 1,
      winnerBidId: null,
      decidedAt: null,
      activeCandidates: ['b1', 'b2', 'b3'],
    })
    expect(next.context.roundStatus).toBe('pending')
    const redecided = fold([...unanimousRound('b2'), ev.decide('b2')], next)
    expect(redecided.context.winnerBidId).toBe('b2')
  })
})
