// The one fold of a tender stream: a step per accepted event with the snapshot before and after, the
// same end state as driving the machine by hand, and a stop at the first event the machine refuses.
import { describe, expect, it } from 'vitest'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { foldTenderStream } from '../../state-machines/tender.fold.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { ev, fold, tenderInput } from './tender.fixtures.ts'
import { HISTORY } from './tender.given.ts'

/** Events as the store holds them: seq from 1, TENDER_CREATED carrying the machine input. */
function recorded(events: readonly TenderEvent[]) {
  const created = { seq: 1, type: 'TENDER_CREATED', data: { ...tenderInput } }
  return [
    created,
    ...events.map(({ type, ...data }, i) => ({ seq: i + 2, type: type as string, data, recordedAt: 'kept' })),
  ]
}

describe('foldTenderStream', () => {
  it('steps through every accepted event to the state the machine reaches', () => {
    const events = recorded(HISTORY.toAwarding)
    const result = foldTenderStream(events)
    expect(result).toMatchObject({ rejectedSeq: null, problem: null })
    expect(result.steps.map((s) => s.event)).toEqual(events)
    expect(result.snapshot?.context).toEqual(fold(HISTORY.toAwarding).context)
    expect(tenderStateOf(result.snapshot!)).toBe('awarding')
  })

  it('gives each step the snapshot before and after its event, chained', () => {
    const { steps } = foldTenderStream(recorded(HISTORY.toOpening))
    const [created, publish, close] = steps
    expect(created?.before).toBe(created?.after)
    expect(tenderStateOf(created!.after)).toBe('draft')
    expect(publish?.before).toBe(created?.after)
    expect(tenderStateOf(publish!.after)).toBe('bidding')
    expect(close?.before).toBe(publish?.after)
    expect(tenderStateOf(close!.after)).toBe('opening')
  })

  it('stops at the first event the machine refuses, keeping the steps before it', () => {
    const events = recorded([ev.publish(), ev.open(), ev.close()])
    const result = foldTenderStream(events)
    expect(result.steps).toHaveLength(2)
    expect(result).toMatchObject({ rejectedSeq: 3, problem: 'the machine in state "bidding" refuses OPEN' })
    expect(tenderStateOf(result.snapshot!)).toBe('bidding')
  })

  it('refuses an unknown event type and a stream not starting with TENDER_CREATED', () => {
    const unknown = [...recorded([ev.publish()]), { seq: 3, type: 'NOT_AN_EVENT', data: {} }]
    expect(foldTenderStream(unknown)).toMatchObject({ rejectedSeq: 3 })
    const headless = recorded([ev.publish()]).slice(1)
    expect(foldTenderStream(headless)).toEqual({
      steps: [],
      snapshot: null,
      rejectedSeq: 2,
      problem: 'the stream does not start with TENDER_CREATED',
    })
    expect(foldTenderStream([])).toMatchObject({ snapshot: null, rejectedSeq: 1 })
  })
})
