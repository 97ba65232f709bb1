// A fixed tender scenario for the machine tests: 4 bids, 5 experts, 5 award members, fixed timestamps
// (publication on Monday 2025-03-03 09:30 Asia/Shanghai). Each builder returns fresh event objects.
import { isDeepStrictEqual } from 'node:util'
import { expect } from 'vitest'
import { initialTransition, transition } from 'xstate'
import { cnNationalBidding } from '../../src/rules/packs/cn-national-bidding.ts'
import { roundTally } from '../../state-machines/award-sitting.ts'
import type { RulePack } from '../../state-machines/rule-pack.ts'
import type { BidOpeningOutcome, TenderEvent, TenderInput } from '../../state-machines/tender.events.ts'
import { type TenderSnapshot, tenderMachine } from '../../state-machines/tender.machine.ts'

const T0 = Date.parse('2025-03-03T01:30:00.000Z')
const HOUR = 60 * 60 * 1000

/** T0 + days + hours, as a UTC ISO string. */
export function T(days: number, hours = 0): string {
  return new Date(T0 + (days * 24 + hours) * HOUR).toISOString()
}

export const BIDS = ['b1', 'b2', 'b3', 'b4'] as const
export const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5'] as const
export const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'] as const
export const DEADLINE = T(21)

export const tenderInput: TenderInput = {
  tenderId: 'tender-1',
  purchaserOrgId: 'org-1',
  createdAt: T(-1),
  particulars: {
    title: '佛山某道路工程施工',
    reference: 'FS-2025-001',
    description: 'Road works',
    category: 'works',
    estimatedValueFen: '1200000000',
    ceilingPriceFen: '1150000000',
  },
}

const draw = { pool: ['x'], secretCommitment: 'c', secret: 's', seed: 'seed' }

export const ev = {
  edit: (changes: Partial<TenderInput['particulars']>, at = T(-1, 1)): TenderEvent => ({
    type: 'EDIT',
    at,
    changes,
  }),
  publish: (over: Partial<Extract<TenderEvent, { type: 'PUBLISH' }>> = {}): TenderEvent => ({
    type: 'PUBLISH',
    at: T(0),
    rulePack: cnNationalBidding,
    deadline: DEADLINE,
    evaluationMethod: 'comprehensive',
    awardMethod: 'simpleMajority',
    awardFactors: ['price', 'credit', 'performance'],
    ...over,
  }),
  close: (bidCount = 4, at = DEADLINE): TenderEvent => ({
    type: 'CLOSE_BIDDING',
    at,
    bidCount,
    bidSetHash: 'h',
  }),
  open: (outcomes: readonly BidOpeningOutcome[] = ['opened', 'opened', 'opened', 'opened']): TenderEvent => ({
    type: 'OPEN',
    at: T(21, 1),
    bidSetHash: 'h',
    bids: outcomes.map((outcome, i) => ({
      bidId: `b${i + 1}`,
      bidderOrgId: `bidder-${i + 1}`,
      outcome,
      priceFen: outcome === 'opened' ? `${1_100_000_000 - i * 1_000_000}` : null,
    })),
  }),
  /** Members drawn from the expert pool; `nonExperts` sit on the committee without being drawn from it. */
  draw: (members: readonly string[] = EXPERTS, nonExperts: readonly string[] = []): TenderEvent => ({
    type: 'DRAW_EXPERTS',
    at: T(21, 2),
    members: [...members, ...nonExperts],
    draw: { ...draw, pool: [...members, 'x'] },
  }),
  declare: (expertId: string): TenderEvent => ({ type: 'DECLARE_NO_CONFLICT', at: T(21, 3), expertId }),
  reject: (expertId: string, bidId: string, ground = '报价高于最高投标限价'): TenderEvent => ({
    type: 'REJECT_BID',
    at: T(21, 4),
    expertId,
    bidId,
    ground,
  }),
  scores: (expertId: string, bidIds: readonly string[], score = 80): TenderEvent => ({
    type: 'SUBMIT_SCORES',
    at: T(22),
    expertId,
    scores: bidIds.map((bidId) => ({ bidId, score, comment: '' })),
  }),
  report: (candidates: readonly string[] = ['b1', 'b2', 'b3'], at = T(23)): TenderEvent => ({
    type: 'SUBMIT_REPORT',
    at,
    expertId: 'e1',
    candidates,
    summary: 'ok',
    dissent: [],
  }),
  endPublicity: (at: string): TenderEvent => ({ type: 'END_PUBLICITY', at }),
  formAward: (members: readonly string[] = MEMBERS, chairId = 'm1'): TenderEvent => ({
    type: 'FORM_AWARD_COMMITTEE',
    at: T(27),
    members,
    chairId,
    draw,
  }),
  freeze: (): TenderEvent => ({ type: 'FREEZE_DOSSIERS', at: T(27, 1), dossierHash: 'dossiers' }),
  checkIn: (memberId: string, statement = '本人与各定标候选人均无利害关系'): TenderEvent => ({
    type: 'CHECK_IN',
    at: T(27, 1),
    memberId,
    statement,
  }),
  recuse: (memberId: string, reason = '与候选人存在利害关系'): TenderEvent => ({
    type: 'RECUSE',
    at: T(27, 1),
    memberId,
    reason,
  }),
  openRound: (round = 1, chairId = 'm1'): TenderEvent => ({
    type: 'OPEN_ROUND',
    at: T(27, 1),
    round,
    chairId,
  }),
  closeRound: (
    tally: readonly { bidId: string; votes: number }[],
    round = 1,
    chairId = 'm1',
  ): TenderEvent => ({ type: 'CLOSE_ROUND', at: T(27, 2), round, chairId, tally }),
  ballot: (memberId: string, candidateBidId: string, reason = '信用良好'): TenderEvent => ({
    type: 'CAST_BALLOT',
    at: T(27, 2),
    memberId,
    candidateBidId,
    reason,
  }),
  revote: (): TenderEvent => ({ type: 'START_REVOTE', at: T(27, 3) }),
  decide: (winnerBidId = 'b1', reasons = '得票最多'): TenderEvent => ({
    type: 'DECIDE',
    at: T(27, 4),
    winnerBidId,
    reasons,
  }),
  notice: (at = T(31, 1)): TenderEvent => ({ type: 'ISSUE_AWARD_NOTICE', at, noticeId: 'notice-1' }),
  decline: (reason = '放弃中标'): TenderEvent => ({ type: 'WINNER_DECLINED', at: T(32), reason }),
  contract: (at = T(40)): TenderEvent => ({ type: 'CONTRACT_SIGNED', at, contractRef: 'HT-001' }),
  objection: (
    objectionId: string,
    stage: 'documents' | 'opening' | 'candidates' | 'result',
    at: string,
  ): TenderEvent => ({
    type: 'OBJECTION_RAISED',
    at,
    objectionId,
    stage,
  }),
  answer: (objectionId: string, upheld: boolean, at: string): TenderEvent => ({
    type: 'OBJECTION_ANSWERED',
    at,
    objectionId,
    upheld,
  }),
  suspend: (at: string, reason = '监督部门责令暂停'): TenderEvent => ({ type: 'SUSPEND', at, reason }),
  resume: (at: string, reason = '恢复'): TenderEvent => ({ type: 'RESUME', at, reason }),
  cancel: (at: string, reason = '项目取消'): TenderEvent => ({ type: 'CANCEL', at, reason }),
}

/** The chair's CLOSE_ROUND of the snapshot's current round, with the tally its ballots give. */
export function closeOf(snapshot: TenderSnapshot, chairId = 'm1'): TenderEvent {
  return ev.closeRound(roundTally(snapshot.context), snapshot.context.round, chairId)
}

/** The snapshot after the chair closes its current round. */
export function closed(snapshot: TenderSnapshot): TenderSnapshot {
  return step(snapshot, closeOf(snapshot))
}

/** Every ballot of the round for one candidate. */
export function unanimous(candidate: string, members: readonly string[] = MEMBERS): TenderEvent[] {
  return members.map((m) => ev.ballot(m, candidate))
}

/** The chair opens `round`, every member votes for `winner` among `candidates`, the chair closes it. */
export function unanimousRound(
  winner: string,
  candidates: readonly string[] = ['b1', 'b2', 'b3'],
  round = 1,
): TenderEvent[] {
  const tally = candidates.map((bidId) => ({ bidId, votes: bidId === winner ? MEMBERS.length : 0 }))
  return [ev.openRound(round), ...unanimous(winner), ev.closeRound(tally, round)]
}

/** Asserts that a transition ran no side effect: only xstate's internal assign, if anything. */
export function expectNoSideEffects(actions: readonly { type: string }[]): void {
  expect(actions.every((action) => action.type === 'xstate.assign')).toBe(true)
}

/** Whether the machine accepts `event`: the snapshot changed (and `snapshot.can` agrees). */
export function accepts(snapshot: TenderSnapshot, event: TenderEvent): boolean {
  const [next, actions] = transition(tenderMachine, snapshot, event)
  expectNoSideEffects(actions)
  const changed =
    next.value !== snapshot.value ||
    next.status !== snapshot.status ||
    !isDeepStrictEqual(next.context, snapshot.context)
  expect(snapshot.can(event)).toBe(changed)
  return changed
}

export function start(): TenderSnapshot {
  const [snapshot, actions] = initialTransition(tenderMachine, tenderInput)
  expectNoSideEffects(actions)
  return snapshot
}

/** Folds events into the snapshot, failing the test on the first refused event. */
export function fold(events: readonly TenderEvent[], from: TenderSnapshot = start()): TenderSnapshot {
  let snapshot = from
  for (const event of events) {
    if (!accepts(snapshot, event)) throw new Error(`refused ${event.type} in ${String(snapshot.value)}`)
    snapshot = transition(tenderMachine, snapshot, event)[0]
  }
  return snapshot
}

/** The snapshot after an accepted event (throws when refused). */
export function step(snapshot: TenderSnapshot, event: TenderEvent): TenderSnapshot {
  return fold([event], snapshot)
}

/** A rule pack derived from the default one. */
export function packWith(over: Partial<RulePack>): RulePack {
  return { ...cnNationalBidding, ...over }
}
