// Suspension (暂停), holds by pending objections, and termination (终止) across every phase.
import { describe, expect, it } from 'vitest'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import {
  EVENTS_ALLOWED_WHILE_HELD,
  type TenderSnapshot,
  type TenderState,
  tenderStateOf,
} from '../../state-machines/tender.machine.ts'
import { accepts, ev, step, T } from './tender.fixtures.ts'
import { CANDIDATE_PUBLICITY_END, given, RESULT_PUBLICITY_END } from './tender.given.ts'

/** For each phase after draft: how to get there, and one progress event it would accept. */
const PHASES: readonly [TenderState, () => TenderSnapshot, TenderEvent][] = [
  ['bidding', given.bidding, ev.close()],
  ['opening', given.opening, ev.open()],
  ['evaluation', given.evaluation, ev.draw()],
  ['candidatePublicity', given.candidatePublicity, ev.endPublicity(CANDIDATE_PUBLICITY_END)],
  ['awarding', given.awarding, ev.formAward()],
  ['resultPublicity', given.resultPublicity, ev.endPublicity(RESULT_PUBLICITY_END)],
  ['awarded', given.awarded, ev.notice()],
]

describe.each(PHASES)('%s', (phase, reach, progress) => {
  it('suspends once, with a reason, and resumes', () => {
    const snapshot = reach()
    expect(tenderStateOf(snapshot)).toBe(phase)
    expect(accepts(snapshot, ev.resume(T(50)))).toBe(false)
    expect(accepts(snapshot, ev.suspend(T(50), ''))).toBe(false)
    const suspended = step(snapshot, ev.suspend(T(50)))
    expect(suspended.context).toMatchObject({ suspended: true, suspendReason: '监督部门责令暂停' })
    expect(accepts(suspended, ev.suspend(T(50)))).toBe(false)
    expect(accepts(suspended, ev.resume(T(51), ' '))).toBe(false)
    expect(step(suspended, ev.resume(T(51))).context.suspended).toBe(false)
  })

  it('refuses progress while suspended and accepts it after resuming', () => {
    const snapshot = reach()
    expect(accepts(snapshot, progress)).toBe(true)
    const suspended = step(snapshot, ev.suspend(T(20)))
    expect(accepts(suspended, progress)).toBe(false)
    expect(accepts(step(suspended, ev.resume(T(20))), progress)).toBe(true)
  })

  it('cancels with a reason, even while suspended', () => {
    const cancelled = step(step(reach(), ev.suspend(T(20))), ev.cancel(T(21)))
    expect(tenderStateOf(cancelled)).toBe('cancelled')
    expect(cancelled.status).toBe('done')
    expect(cancelled.context.cancelReason).toBe('项目取消')
    expect(accepts(reach(), ev.cancel(T(21), ''))).toBe(false)
  })
})

describe('final states', () => {
  it('accept nothing', () => {
    const cancelled = step(given.bidding(), ev.cancel(T(1)))
    expect(accepts(cancelled, ev.cancel(T(2), 'again'))).toBe(false)
    expect(accepts(cancelled, ev.resume(T(2)))).toBe(false)
    expect(accepts(cancelled, ev.close())).toBe(false)
  })
})

describe('the hold whitelist', () => {
  it('lets through only record-keeping, objections, suspension and cancel', () => {
    expect([...EVENTS_ALLOWED_WHILE_HELD].sort()).toEqual(
      [
        'AMEND',
        'CANCEL',
        'EXTEND_DEADLINE',
        'OBJECTION_ANSWERED',
        'OBJECTION_RAISED',
        'QUESTION_ANSWERED',
        'QUESTION_ASKED',
        'RESUME',
        'SUSPEND',
      ].sort(),
    )
  })

  it('refuses the evaluation work while an objection is pending', () => {
    const raised = step(given.candidatePublicity(), ev.objection('o1', 'candidates', T(24)))
    const suspended = step(given.evaluation(), ev.suspend(T(21, 2)))
    expect(accepts(suspended, ev.draw())).toBe(false)
    expect(accepts(raised, ev.endPublicity(T(30)))).toBe(false)
  })
})
