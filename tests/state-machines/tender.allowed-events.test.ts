// allowedEvents lists exactly what the machine would accept: over every state the model traversal
// reaches, each listed event has a sample payload the machine accepts at that time, and no sample of
// an unlisted event is accepted (a UI may draw its buttons from the list).
import { describe, expect, it } from 'vitest'
import { getShortestPaths } from 'xstate/graph'
import { allowedEvents } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderMachine } from '../../state-machines/tender.machine.ts'
import { ev, T, tenderInput } from './tender.fixtures.ts'
import { given } from './tender.given.ts'
import { modelKey, sampleEvents } from './tender.samples.ts'

const DAY = 24 * 60 * 60 * 1000
const later = (at: string, days: number) => new Date(Date.parse(at) + days * DAY).toISOString()

const STAGES = ['documents', 'opening', 'candidates', 'result'] as const

/** Payloads the traversal's samples lack, so that every event that could apply has one that does. */
function extraPayloads(snapshot: TenderSnapshot, at: string): TenderEvent[] {
  const c = snapshot.context
  return [
    ev.publish({ at, deadline: later(at, 60) }),
    ...STAGES.map((stage) => ev.objection(`o-fresh-${c.pendingObjections.length}`, stage, at)),
    { type: 'QUESTION_ASKED', questionId: `q-fresh-${c.questions.length}`, at },
    { type: 'AMEND', amendmentId: 'a-late', summary: '修改', newDeadline: later(at, 60), at },
    { type: 'EXTEND_DEADLINE', newDeadline: later(at, 60), reason: '顺延', at },
    ...c.questions.map((q): TenderEvent => ({ type: 'QUESTION_ANSWERED', questionId: q.questionId, at })),
    ...c.declaredExperts.flatMap((e) => c.openedBids.map((bid) => ev.reject(e, bid.bidId))),
    // the traversal lets one member recuse; any other may too
    ...c.awardCommittee.map((memberId) => ev.recuse(memberId)),
  ]
}

/** Every sample, stamped with `at`: the payloads stay, only the time is the one being judged. */
function payloadsAt(snapshot: TenderSnapshot, at: string): TenderEvent[] {
  const samples = [...sampleEvents(snapshot), ...extraPayloads(snapshot, at)]
  return samples.map((event) => ({ ...event, at }))
}

/** Where the allowed list and the machine disagree at `at`, as readable lines (empty: they agree). */
function disagreements(snapshot: TenderSnapshot, at: string): string[] {
  const allowed = new Set(allowedEvents(snapshot, at))
  const payloads = payloadsAt(snapshot, at)
  const acceptedTypes = new Set(payloads.filter((e) => snapshot.can(e)).map((e) => e.type))
  const where = `${modelKey(snapshot)} at ${at}`
  return [
    ...[...allowed]
      .filter((t) => !acceptedTypes.has(t))
      .map((t) => `${t} listed, no payload passes: ${where}`),
    ...[...acceptedTypes].filter((t) => !allowed.has(t)).map((t) => `${t} accepted, not listed: ${where}`),
  ]
}

describe('allowedEvents', () => {
  it('agrees with the machine in every reachable state, at each time its samples carry', () => {
    const paths = getShortestPaths(tenderMachine, {
      input: tenderInput,
      events: sampleEvents,
      serializeState: (snapshot) => modelKey(snapshot),
    })
    const problems = paths.flatMap(({ state }) => {
      const times = new Set(sampleEvents(state).map((event) => event.at))
      return [...times].flatMap((at) => disagreements(state, at))
    })
    expect(problems.slice(0, 20)).toEqual([])
  }, 120_000)

  it('lists RESUME only while suspended and OBJECTION_ANSWERED only with an objection pending', () => {
    const bidding = given.bidding()
    expect(allowedEvents(bidding, T(1))).not.toContain('RESUME')
    expect(allowedEvents(bidding, T(1))).not.toContain('OBJECTION_ANSWERED')
    expect(allowedEvents(bidding, T(1))).toContain('SUSPEND')
  })

  it('lists CLOSE_BIDDING from the deadline on, and objections to the documents until their lead time', () => {
    const bidding = given.bidding()
    expect(allowedEvents(bidding, T(20))).not.toContain('CLOSE_BIDDING')
    expect(allowedEvents(bidding, T(21))).toContain('CLOSE_BIDDING')
    expect(allowedEvents(bidding, T(11))).toContain('OBJECTION_RAISED')
    expect(allowedEvents(bidding, T(12))).not.toContain('OBJECTION_RAISED')
  })
})
