// Given a tender in evaluation, when the committee is drawn, declares, rejects, scores and reports.
import { describe, expect, it } from 'vitest'
import { guangdongFoshanPingding } from '../../src/rules/packs/guangdong-foshan-pingding.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, BIDS, EXPERTS, ev, fold, packWith, step, T } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

describe('evaluation: DRAW_EXPERTS (法 Art 37: ≥5, odd)', () => {
  it('accepts a committee of 5 distinct experts, once', () => {
    const drawn = step(given.evaluation(), ev.draw())
    expect(drawn.context.expertCommittee).toEqual([...EXPERTS])
    expect(accepts(drawn, ev.draw())).toBe(false)
  })

  it('refuses too few, an even number and repeated members', () => {
    const evaluation = given.evaluation()
    expect(accepts(evaluation, ev.draw(['e1', 'e2', 'e3']))).toBe(false)
    expect(accepts(evaluation, ev.draw([...EXPERTS, 'e6']))).toBe(false)
    expect(accepts(evaluation, ev.draw(['e1', 'e2', 'e3', 'e4', 'e1']))).toBe(false)
  })

  it('accepts an even committee when the pack does not require odd', () => {
    const evenPack = packWith({ evaluationCommittee: { ...packWith({}).evaluationCommittee, odd: false } })
    const evaluation = fold([ev.publish({ rulePack: evenPack }), ev.close(), ev.open()])
    expect(accepts(evaluation, ev.draw([...EXPERTS, 'e6']))).toBe(true)
  })
})

describe('evaluation: DECLARE_NO_CONFLICT', () => {
  it('accepts each member once and nobody else', () => {
    const drawn = step(given.evaluation(), ev.draw())
    const declared = step(drawn, ev.declare('e1'))
    expect(declared.context.declaredExperts).toEqual(['e1'])
    expect(accepts(declared, ev.declare('e1'))).toBe(false)
    expect(accepts(drawn, ev.declare('x9'))).toBe(false)
  })
})

describe('evaluation: REJECT_BID (否决投标)', () => {
  it('records a rejection with its ground by a declared member', () => {
    const next = step(given.committeeReady(), ev.reject('e2', 'b4'))
    expect(next.context.rejectedBids).toEqual([
      { bidId: 'b4', ground: '报价高于最高投标限价', expertId: 'e2' },
    ])
  })

  it('refuses undeclared experts, unknown or unopened bids, repeats and blank grounds', () => {
    const drawn = step(given.evaluation(), ev.draw())
    expect(accepts(drawn, ev.reject('e1', 'b1'))).toBe(false)
    const ready = given.committeeReady()
    expect(accepts(ready, ev.reject('e1', 'b9'))).toBe(false)
    expect(accepts(ready, ev.reject('e1', 'b1', ' '))).toBe(false)
    expect(accepts(step(ready, ev.reject('e1', 'b1')), ev.reject('e2', 'b1'))).toBe(false)
    const oneFailed = fold([ev.publish(), ev.close(), ev.open(['opened', 'opened', 'opened', 'invalid'])])
    const ready2 = fold([ev.draw(), ...EXPERTS.map(ev.declare)], oneFailed)
    expect(accepts(ready2, ev.reject('e1', 'b4'))).toBe(false)
  })

  it('closes once scoring has started', () => {
    const scoring = step(given.committeeReady(), ev.scores('e1', BIDS))
    expect(accepts(scoring, ev.reject('e2', 'b1'))).toBe(false)
  })
})

describe('evaluation: SUBMIT_SCORES', () => {
  it('accepts scores covering exactly the valid bids, once per declared member', () => {
    const rejected = step(given.committeeReady(), ev.reject('e1', 'b4'))
    const scored = step(rejected, ev.scores('e1', ['b3', 'b1', 'b2']))
    expect(scored.context.scoredExperts).toEqual(['e1'])
    expect(scored.context.scores).toHaveLength(3)
    expect(accepts(scored, ev.scores('e1', ['b1', 'b2', 'b3']))).toBe(false)
    expect(accepts(rejected, ev.scores('e2', BIDS))).toBe(false)
  })

  it('refuses missing, repeated or out-of-range scores and undeclared experts', () => {
    const ready = given.committeeReady()
    expect(accepts(ready, ev.scores('e1', ['b1', 'b2', 'b3']))).toBe(false)
    expect(accepts(ready, ev.scores('e1', ['b1', 'b2', 'b3', 'b3']))).toBe(false)
    expect(accepts(ready, ev.scores('e1', BIDS, 101))).toBe(false)
    expect(accepts(ready, ev.scores('e1', BIDS, Number.NaN))).toBe(false)
    expect(accepts(step(given.evaluation(), ev.draw()), ev.scores('e1', BIDS))).toBe(false)
    expect(accepts(ready, ev.scores('e1', BIDS, 0))).toBe(true)
  })
})

describe('evaluation: SUBMIT_REPORT', () => {
  const withDissent = (dissent: { expertId: string; opinion: string }[]): TenderEvent => ({
    ...(ev.report() as Extract<TenderEvent, { type: 'SUBMIT_REPORT' }>),
    dissent,
  })

  it('starts the candidate publicity (条例 Art 54: 3 days)', () => {
    const next = step(given.scored(), ev.report(['b2', 'b1']))
    expect(tenderStateOf(next)).toBe('candidatePublicity')
    expect(next.context.candidates).toEqual(['b2', 'b1'])
    expect(next.context.publicityEndsAt).toBe(T(26))
  })

  it('refuses a report before every member has declared and scored', () => {
    const partly = step(given.committeeReady(), ev.scores('e1', BIDS))
    expect(accepts(partly, ev.report())).toBe(false)
  })

  it('refuses outsiders, unknown or rejected candidates, repeats, too many, outside dissent', () => {
    const scored = given.scored()
    expect(accepts(scored, { ...ev.report(), expertId: 'x9' } as TenderEvent)).toBe(false)
    expect(accepts(scored, ev.report(['b1', 'b9']))).toBe(false)
    expect(accepts(scored, ev.report(['b1', 'b1']))).toBe(false)
    expect(accepts(scored, ev.report(['b1', 'b2', 'b3', 'b4']))).toBe(false)
    expect(accepts(scored, withDissent([{ expertId: 'x9', opinion: 'no' }]))).toBe(false)
    expect(accepts(scored, withDissent([{ expertId: 'e5', opinion: 'b3 better' }]))).toBe(true)
    const rejected = fold(
      [ev.reject('e1', 'b3'), ...EXPERTS.map((e) => ev.scores(e, ['b1', 'b2', 'b4']))],
      given.committeeReady(),
    )
    expect(accepts(rejected, ev.report(['b1', 'b3']))).toBe(false)
  })

  it('fails (流标, 法 Art 42) when the report names no candidate', () => {
    const allRejected = fold(
      [...BIDS.map((b) => ev.reject('e1', b)), ...EXPERTS.map((e) => ev.scores(e, []))],
      given.committeeReady(),
    )
    const next = step(allRejected, ev.report([]))
    expect(tenderStateOf(next)).toBe('failed')
    expect(next.context.failureReason).toBe('allBidsRejected')
  })

  it('applies the pack candidate range (Foshan: 3–7 unranked)', () => {
    const foshan = fold([
      ev.publish({ rulePack: guangdongFoshanPingding, evaluationMethod: 'qualitative' }),
      ev.close(),
      ev.open(),
      ev.draw(),
      ...EXPERTS.map(ev.declare),
      ...EXPERTS.map((e) => ev.scores(e, BIDS)),
    ])
    expect(accepts(foshan, ev.report(['b1', 'b2']))).toBe(false)
    expect(accepts(foshan, ev.report(['b1', 'b2', 'b3', 'b4']))).toBe(true)
  })
})
