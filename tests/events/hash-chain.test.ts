// chainEvents, the one place an event gets its hash: chained events verify, a chain continued from its
// head is the chain made at once, and any field changed afterwards breaks verifyChain at that event.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ChainedEvent,
  chainEvents,
  GENESIS_HASH,
  GENESIS_HEAD,
  headOf,
  type NewEvent,
  sha256Hex,
  verifyChain,
} from '../../src/events/hash-chain.ts'

const record = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })

const newEvent: fc.Arbitrary<NewEvent> = fc.record({
  type: fc.string({ minLength: 1, maxLength: 12 }),
  data: record,
  meta: record,
  recordedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
})

const newEvents = fc.array(newEvent, { minLength: 1, maxLength: 6 })

const FIELDS = ['streamId', 'seq', 'type', 'data', 'meta', 'recordedAt', 'prevHash', 'hash'] as const

/** The event with one field given another value. */
function changed(event: ChainedEvent, field: (typeof FIELDS)[number]): ChainedEvent {
  switch (field) {
    case 'seq':
      return { ...event, seq: event.seq + 1 }
    case 'data':
    case 'meta':
      return { ...event, [field]: { ...event[field], 'changed by hand': true } }
    case 'recordedAt':
      return { ...event, recordedAt: new Date(Date.parse(event.recordedAt) + 1).toISOString() }
    case 'prevHash':
    case 'hash':
      return { ...event, [field]: sha256Hex(event[field]) }
    default:
      return { ...event, [field]: `${event[field]}′` }
  }
}

describe('chainEvents', () => {
  it('numbers the events on from the head and links each to the hash before it', () => {
    const at = new Date('2026-01-01T00:00:00Z')
    const events = [1, 2].map((n) => ({ type: 'NOTED', data: { n }, meta: {}, recordedAt: at }))
    const [first, second] = chainEvents('s-1', { seq: 7, hash: 'ab'.repeat(32) }, events)
    expect(first).toMatchObject({ streamId: 's-1', seq: 8, prevHash: 'ab'.repeat(32) })
    expect(first?.recordedAt).toBe('2026-01-01T00:00:00.000Z')
    expect(second).toMatchObject({ seq: 9, prevHash: first?.hash })
    expect(chainEvents('s-1', GENESIS_HEAD, [])).toEqual([])
    expect(headOf([])).toEqual({ seq: 0, hash: GENESIS_HASH })
  })

  it('makes chains that verify, headed by their last event', () => {
    fc.assert(
      fc.property(fc.string(), newEvents, (streamId, events) => {
        const chained = chainEvents(streamId, GENESIS_HEAD, events)
        expect(verifyChain(chained)).toEqual({
          ok: true,
          length: events.length,
          headHash: chained.at(-1)?.hash,
          firstBadSeq: null,
          problem: null,
        })
      }),
    )
  })

  it('continues a chain from its head exactly as if chained at once', () => {
    fc.assert(
      fc.property(newEvents, newEvents, (before, after) => {
        const earlier = chainEvents('s', GENESIS_HEAD, before)
        const continued = [...earlier, ...chainEvents('s', headOf(earlier), after)]
        expect(continued).toEqual(chainEvents('s', GENESIS_HEAD, [...before, ...after]))
      }),
    )
  })

  it('any field changed afterwards fails verifyChain at that event', () => {
    fc.assert(
      fc.property(newEvents, fc.nat(), fc.constantFrom(...FIELDS), (events, at, field) => {
        const chained = chainEvents('s', GENESIS_HEAD, events)
        const index = at % chained.length
        const tampered = chained.map((event, i) => (i === index ? changed(event, field) : event))
        expect(verifyChain(tampered)).toMatchObject({ ok: false, firstBadSeq: index + 1 })
      }),
    )
  })
})
