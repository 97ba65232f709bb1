// The pure replay: folding a stream through the machine, comparing with a projection, re-running draws.

import { describe, expect, it } from 'vitest'
import { initialTransition, transition } from 'xstate'
import { replayTender, verifyTenderStream } from '../../src/audit/replay.ts'
import { verifyStreamDraws } from '../../src/draws/recorded-draws.ts'
import { performDraw } from '../../src/draws/verifiable-draw.ts'
import { type ChainedEvent, chainEvents, GENESIS_HASH, GENESIS_HEAD } from '../../src/events/hash-chain.ts'
import { getRulePack } from '../../src/rules/rule-packs.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { tenderMachine } from '../../state-machines/tender.machine.ts'

const T0 = '2026-03-02T01:30:00.000Z'
const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString()
const input = {
  tenderId: 'tnd_0123456789abcdef0123456789abcdef',
  purchaserOrgId: 'org_1',
  createdAt: T0,
  particulars: {
    title: '道路改造',
    reference: 'R-1',
    description: '',
    category: 'works',
    estimatedValueFen: '100',
    ceilingPriceFen: null,
  },
}
const publish = {
  type: 'PUBLISH',
  at: at(0),
  rulePack: getRulePack('cn-national-bidding')!,
  deadline: at(21),
  evaluationMethod: 'comprehensive',
  awardMethod: 'simpleMajority',
  awardFactors: ['投标报价'],
}

/** Chains events as the store does: seq from 1, prev_hash links, hash over the rest. */
function chain(events: { type: string; data: Record<string, unknown> }[]): ChainedEvent[] {
  const recorded = events.map((event) => ({ ...event, meta: {}, recordedAt: new Date(T0) }))
  return chainEvents(`tender-${input.tenderId}`, GENESIS_HEAD, recorded)
}

const asStored = ({ type, ...data }: Record<string, unknown>) => ({ type: String(type), data })

/** The projection the pipeline would have stored after these machine events. */
function projectionAfter(events: Record<string, unknown>[]) {
  let [snapshot] = initialTransition(tenderMachine, input as never)
  for (const event of events)
    [snapshot] = transition(tenderMachine, snapshot, event as unknown as TenderEvent)
  return { value: snapshot.value, context: snapshot.context, version: events.length + 1 }
}

describe('replayTender', () => {
  it('accepts a faithful stream and matches its projection', () => {
    const events = chain([{ type: 'TENDER_CREATED', data: input }, asStored(publish)])
    const verdict = replayTender(events, projectionAfter([publish]))
    expect(verdict).toEqual({
      ok: true,
      eventsReplayed: 2,
      finalState: 'bidding',
      matchesProjection: true,
      firstRejectedSeq: null,
      problem: null,
    })
  })

  it('names the first event the machine refuses (closing before the deadline)', () => {
    const early = { type: 'CLOSE_BIDDING', at: at(1), bidCount: 3, bidSetHash: 'h' }
    const events = chain([{ type: 'TENDER_CREATED', data: input }, asStored(publish), asStored(early)])
    const verdict = replayTender(events, projectionAfter([publish]))
    expect(verdict).toMatchObject({
      ok: false,
      eventsReplayed: 2,
      firstRejectedSeq: 3,
      finalState: 'bidding',
    })
  })

  it('treats unknown types and data the guards choke on as refused, without throwing', () => {
    const events = chain([
      { type: 'TENDER_CREATED', data: input },
      asStored(publish),
      { type: 'DRAW_EXPERTS', data: { at: at(2), members: 'not a list' } },
    ])
    expect(replayTender(events, projectionAfter([publish])).firstRejectedSeq).toBe(3)
    const unknown = chain([
      { type: 'TENDER_CREATED', data: input },
      { type: 'BRIBE', data: { at: at(1) } },
    ])
    expect(replayTender(unknown, projectionAfter([])).firstRejectedSeq).toBe(2)
    expect(replayTender(chain([asStored(publish)]), projectionAfter([])).firstRejectedSeq).toBe(1)
  })

  it('reports a projection that differs from the fold, or covers another version', () => {
    const events = chain([{ type: 'TENDER_CREATED', data: input }, asStored(publish)])
    const stored = projectionAfter([publish])
    const edited = { ...stored, context: { ...stored.context, deadline: at(30) } }
    expect(replayTender(events, edited)).toMatchObject({ ok: false, matchesProjection: false })
    expect(replayTender(events, { ...stored, version: 3 }).matchesProjection).toBe(false)
  })
})

describe('verifyStreamDraws', () => {
  const pool = ['usr_a', 'usr_b', 'usr_c', 'usr_d', 'usr_e', 'usr_f']

  it('re-runs a draw seeded with the hash of the event before it, and refuses one seeded otherwise', () => {
    const head = chain([{ type: 'TENDER_CREATED', data: input }, asStored(publish)])
    const { selected, ...draw } = performDraw(pool, 5, 'ab'.repeat(32), head[1]!.hash)
    const good = chain([
      ...head.map(({ type, data }) => ({ type, data })),
      { type: 'DRAW_EXPERTS', data: { members: selected, draw } },
    ])
    expect(verifyStreamDraws(good)).toEqual({
      ok: true,
      checked: [{ seq: 3, type: 'DRAW_EXPERTS', ok: true }],
    })
    const { selected: other, ...elsewhere } = performDraw(pool, 5, 'ab'.repeat(32), GENESIS_HASH)
    const bad = chain([
      ...head.map(({ type, data }) => ({ type, data })),
      { type: 'DRAW_EXPERTS', data: { members: other, draw: elsewhere } },
    ])
    expect(verifyStreamDraws(bad).ok).toBe(false)
    const garbled = chain([
      { type: 'TENDER_CREATED', data: input },
      { type: 'FORM_AWARD_COMMITTEE', data: { draw: 1 } },
    ])
    expect(verifyStreamDraws(garbled).checked).toEqual([{ seq: 2, type: 'FORM_AWARD_COMMITTEE', ok: false }])
  })

  it('combines chain, fold and draws into one verdict', () => {
    const events = chain([{ type: 'TENDER_CREATED', data: input }, asStored(publish)])
    const forged = [events[0]!, { ...events[1]!, data: { ...events[1]!.data, deadline: at(40) } }]
    const report = verifyTenderStream(forged, projectionAfter([publish]))
    expect(report.ok).toBe(false)
    expect(report.chain).toMatchObject({ ok: false, firstBadSeq: 2 })
  })
})
