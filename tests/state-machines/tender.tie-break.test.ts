// Given a tie that outlasts the re-votes, when the machine applies the pack's declared tie-break
// (lowestBidPrice), then DECIDE takes exactly its winner, or on an exact price tie FAIL_AWARD ends the
// award (定标失败 → 重新招标). Packs frozen before tie-breaks existed declare none: their tie fails too.
import { describe, expect, it } from 'vitest'
import type { RulePack } from '../../state-machines/rule-pack.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderStateOf } from '../../state-machines/tender.machine.ts'
import { accepts, BIDS, closed, closeOf, EXPERTS, ev, fold, packWith, step, T } from './tender.fixtures.ts'
import { CANDIDATE_PUBLICITY_END } from './tender.given.ts'

const FOUR = ['m1', 'm2', 'm3', 'm4']
const evenCommittee = { minSize: { value: 4, source: 'test', confidence: 'U' as const }, odd: false }

/** 2–2 between b1 and b2 (four members, so a tie can last). */
const tie = (): TenderEvent[] => [
  ev.ballot('m1', 'b1'),
  ev.ballot('m2', 'b1'),
  ev.ballot('m3', 'b2'),
  ev.ballot('m4', 'b2'),
]

/** Opened bids with these prices in fen (b1, b2, …). */
function openedAt(prices: readonly string[]): TenderEvent {
  const bids = prices.map((priceFen, i) => ({
    bidId: `b${i + 1}`,
    bidderOrgId: `bidder-${i + 1}`,
    outcome: 'opened' as const,
    priceFen,
  }))
  return { type: 'OPEN', at: T(21, 1), bidSetHash: 'h', bids }
}

/** Awarding with a 4-member committee, frozen dossiers, every member checked in and round 1 open. */
function ballotOpen(pack: RulePack, prices = ['1100000000', '1090000000', '1080000000', '1070000000']) {
  return fold([
    ev.publish({ rulePack: pack }),
    ev.close(),
    openedAt(prices),
    ev.draw(),
    ...EXPERTS.map(ev.declare),
    ...EXPERTS.map((e) => ev.scores(e, BIDS)),
    ev.report(),
    ev.endPublicity(CANDIDATE_PUBLICITY_END),
    ev.formAward(FOUR),
    ev.freeze(),
    ...FOUR.map((m) => ev.checkIn(m)),
    ev.openRound(),
  ])
}

const failAward = (): TenderEvent => ({ type: 'FAIL_AWARD', at: T(27, 5) })
const pack = packWith({
  awardCommittee: evenCommittee,
  awardQuorum: { value: 4, source: 'test: all four present', confidence: 'U' },
  maxRevotes: { value: 1, source: 'test: one re-vote', confidence: 'U' },
})
/** Round 1 tied, the one re-vote tied again, each round closed by the chair. */
const spent = (open: TenderSnapshot) =>
  closed(fold([...tie(), closeOf(fold(tie(), open)), ev.revote(), ev.openRound(2), ...tie()], open))

describe('awarding: a tie after the last re-vote', () => {
  it('refuses another re-vote and decides for the lowest price among the tied, nobody else', () => {
    const secondTie = spent(ballotOpen(pack))
    expect(secondTie.context.round).toBe(2)
    expect(accepts(secondTie, ev.revote())).toBe(false)
    // b2 (10.9m) is cheaper than b1 (11m); b3 and b4 are cheaper still but were not in the tie
    expect(accepts(secondTie, ev.decide('b1'))).toBe(false)
    expect(accepts(secondTie, ev.decide('b3'))).toBe(false)
    expect(accepts(secondTie, failAward())).toBe(false)
    const decided = step(secondTie, ev.decide('b2'))
    expect(tenderStateOf(decided)).toBe('resultPublicity')
    expect(decided.context.winnerBidId).toBe('b2')
  })

  it('fails the award on an exact price tie, only once the re-votes are spent', () => {
    const open = ballotOpen(pack, ['1100000000', '1100000000', '1080000000', '1070000000'])
    const firstTie = closed(fold(tie(), open))
    expect(accepts(firstTie, failAward())).toBe(false)
    const secondTie = spent(open)
    expect(accepts(secondTie, ev.decide('b1'))).toBe(false)
    expect(accepts(secondTie, ev.decide('b2'))).toBe(false)
    const failed = step(secondTie, failAward())
    expect(tenderStateOf(failed)).toBe('failed')
    expect(failed.context.failureReason).toBe('awardTied')
  })

  it('replays a pack frozen before tie-breaks (bare maxRevotes, no tieBreak): the tie fails', () => {
    const { tieBreak: _none, ...rest } = pack
    const legacy: RulePack = { ...rest, maxRevotes: 1 }
    const secondTie = spent(ballotOpen(legacy))
    expect(accepts(secondTie, ev.revote())).toBe(false)
    expect(accepts(secondTie, ev.decide('b2'))).toBe(false)
    expect(tenderStateOf(step(secondTie, failAward()))).toBe('failed')
  })

  it('refuses FAIL_AWARD while a majority decides or before everyone voted', () => {
    const open = ballotOpen(pack)
    expect(accepts(fold(tie().slice(0, 3), open), failAward())).toBe(false)
    const majority = closed(fold([...tie().slice(0, 3), ev.ballot('m4', 'b1')], open))
    expect(accepts(majority, failAward())).toBe(false)
  })
})
