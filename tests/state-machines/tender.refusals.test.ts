// The refusal functions themselves: each rule answers a Refusal naming its limit and source (from the
// pack where the pack holds the limit) or null; the machine's boolean guard is exactly "no refusal".
import { describe, expect, it } from 'vitest'
import { cnNationalBidding as pack } from '../../src/rules/packs/cn-national-bidding.ts'
import { bidWindowRefusal } from '../../state-machines/bid-window.ts'
import { firstRefusal, malformed, unless } from '../../state-machines/refusal.ts'
import { availabilityRefusal, refusalOf } from '../../state-machines/tender.allowed-events.ts'
import type { TenderEvent } from '../../state-machines/tender.events.ts'
import { tenderMachine } from '../../state-machines/tender.machine.ts'
import { committeeSizeRule } from '../../state-machines/tender-committee.rules.ts'
import { expertShareRule } from '../../state-machines/tender-evaluation.guards.ts'
import { accepts, DEADLINE, ev, packWith, step, T } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

const drawOf = (event: TenderEvent) => event as Extract<TenderEvent, { type: 'DRAW_EXPERTS' }>

describe('the refusal combinators', () => {
  it('firstRefusal stops at the first rule that refuses; unless refuses only when the condition fails', () => {
    const refused = malformed('reason', 'a non-blank text')
    let judged = 0
    const later = () => {
      judged += 1
      return null
    }
    expect(
      firstRefusal(
        () => null,
        () => refused,
        later,
      ),
    ).toBe(refused)
    expect(judged).toBe(0)
    expect(firstRefusal(() => null, later)).toBeNull()
    expect(unless(true, () => refused)).toBeNull()
    expect(unless(false, () => refused)).toBe(refused)
    expect(refused).toMatchObject({ code: 'rule_violation', field: 'reason', limit: 'a non-blank text' })
  })
})

describe('experts ≥ 2/3 of the evaluation committee (法 Art 37)', () => {
  const share = pack.evaluationCommittee.minExpertShare!

  it('is a cited share of the pack', () => {
    expect(share).toMatchObject({ numerator: 2, denominator: 3, confidence: 'V' })
    expect(share.source).toContain('招标投标法 Art 37')
  })

  it.each([
    [5, 0, true],
    [4, 1, true], // 4/5 ≥ 2/3
    [3, 2, false], // 3/5 < 2/3
    [6, 3, true], // 6/9 = 2/3 exactly
    [5, 4, false],
  ])('%i experts and %i others: accepted %s', (experts, others, ok) => {
    const ids = Array.from({ length: experts }, (_, i) => `e${i + 1}`)
    const reps = Array.from({ length: others }, (_, i) => `rep${i + 1}`)
    const event = drawOf(ev.draw(ids, reps))
    const verdict = expertShareRule(given.evaluation().context, event)
    if (ok) expect(verdict).toBeNull()
    else {
      expect(verdict).toMatchObject({
        code: 'expert_share_too_low',
        rule: 'evaluationCommittee.minExpertShare',
        limit: '2/3',
        source: share.source,
        field: 'members',
        details: { experts, members: experts + others },
      })
    }
  })

  it('is the DRAW_EXPERTS guard: the machine refuses such a draw with that refusal', () => {
    const evaluation = given.evaluation()
    const draw = ev.draw(['e1', 'e2', 'e3'], ['rep1', 'rep2'])
    expect(accepts(evaluation, draw)).toBe(false)
    expect(refusalOf(evaluation, draw)?.code).toBe('expert_share_too_low')
    expect(accepts(evaluation, ev.draw(['e1', 'e2', 'e3', 'e4'], ['rep1']))).toBe(true)
  })

  it('a pack frozen before the share was cited declares none; PUBLISH takes only packs that cite it', () => {
    const { minExpertShare: _, ...older } = pack.evaluationCommittee
    const olderPack = packWith({ evaluationCommittee: older })
    const context = { ...given.evaluation().context, rulePack: olderPack }
    expect(expertShareRule(context, drawOf(ev.draw(['e1', 'e2', 'e3'], ['rep1', 'rep2'])))).toBeNull()
    expect(refusalOf(given.draft(), ev.publish({ rulePack: olderPack }))).toMatchObject({
      code: 'invalid_rule_pack',
      message: expect.stringContaining('minExpertShare'),
    })
  })
})

describe('the committee size rule', () => {
  it('names the pack minimum, odd, with its source', () => {
    const rule = pack.evaluationCommittee
    expect(committeeSizeRule('committee_size_not_allowed', 'evaluationCommittee', rule, 5)).toBeNull()
    expect(committeeSizeRule('committee_size_not_allowed', 'evaluationCommittee', rule, 6)).toMatchObject({
      code: 'committee_size_not_allowed',
      rule: 'evaluationCommittee.minSize',
      limit: 5,
      source: rule.minSize.source,
      details: { minSize: 5, odd: true, size: 6 },
    })
  })
})

describe('refusalOf and availabilityRefusal', () => {
  it('name the pack limit of PUBLISH, AMEND and END_PUBLICITY', () => {
    const early = ev.publish({ deadline: T(19) })
    expect(refusalOf(given.draft(), early)).toMatchObject({
      code: 'deadline_too_soon',
      rule: 'minBidDays',
      limit: pack.limits.minBidDays.value,
      source: pack.limits.minBidDays.source,
    })
    const amend: TenderEvent = {
      type: 'AMEND',
      at: T(10),
      amendmentId: 'a1',
      summary: '更正',
      newDeadline: null,
    }
    expect(refusalOf(given.bidding(), amend)).toMatchObject({
      code: 'amendment_needs_extension',
      limit: pack.limits.amendmentLeadDays.value,
      source: pack.limits.amendmentLeadDays.source,
    })
    expect(availabilityRefusal(given.candidatePublicity(), 'END_PUBLICITY', T(23))).toMatchObject({
      code: 'publicity_not_over',
      rule: 'candidatePublicityDays',
      limit: pack.limits.candidatePublicityDays.value,
    })
  })

  it('name nothing for an event the machine accepts', () => {
    const bidding = given.bidding()
    const question: TenderEvent = { type: 'QUESTION_ASKED', at: T(1), questionId: 'q1' }
    expect(accepts(bidding, question)).toBe(true)
    expect(refusalOf(bidding, question)).toBeNull()
    expect(availabilityRefusal(bidding, 'QUESTION_ASKED', T(1))).toBeNull()
  })

  it('report the general guard of a branching event, not the branch (CLOSE_BIDDING before the deadline)', () => {
    expect(refusalOf(given.bidding(), ev.close(4, T(20)))).toMatchObject({
      code: 'deadline_not_reached',
      limit: DEADLINE,
    })
    expect(refusalOf(given.bidding(), ev.close(1, T(20)))).toMatchObject({ code: 'deadline_not_reached' })
  })

  it('every guard of the machine refuses with a Refusal, never a bare false', () => {
    const guards = tenderMachine.implementations.guards as Record<string, { verdict?: unknown }>
    for (const [name, guard] of Object.entries(guards)) expect(typeof guard.verdict, name).toBe('function')
    const held = step(given.bidding(), { type: 'SUSPEND', at: T(1), reason: '投诉' })
    expect(refusalOf(held, ev.close(4, T(22)))).toMatchObject({ code: 'tender_suspended', rule: 'hold' })
  })
})

describe('the bid window', () => {
  const terms = { state: 'bidding', deadline: DEADLINE, suspended: false, pendingObjections: [] }

  it('takes bids before the deadline only, and not while held', () => {
    expect(bidWindowRefusal(terms, T(1))).toBeNull()
    expect(bidWindowRefusal(terms, DEADLINE)).toMatchObject({
      code: 'bidding_closed',
      limit: DEADLINE,
      conflict: true,
    })
    expect(bidWindowRefusal({ ...terms, suspended: true }, T(1))).toMatchObject({ code: 'tender_suspended' })
    const objection = { objectionId: 'o1', stage: 'documents' as const }
    expect(bidWindowRefusal({ ...terms, pendingObjections: [objection] }, T(1))).toMatchObject({
      code: 'tender_held_by_objection',
      limit: 'o1',
    })
  })
})
