// Given a draft tender, when EDIT / PUBLISH / CANCEL arrive, then the guards decide.
import { describe, expect, it } from 'vitest'
import { cnNationalGp } from '../../src/rules/packs/cn-national-gp.ts'
import { AWARD_METHODS, type AwardMethod } from '../../state-machines/rule-pack.ts'
import { tenderStateOf } from '../../state-machines/tender.machine.ts'
import { awardMethodRefusal } from '../../state-machines/tender-draft.guards.ts'
import { accepts, DEADLINE, ev, packWith, step, T } from './tender.fixtures.ts'
import { given } from './tender.given.ts'

describe('draft: EDIT', () => {
  it('merges known particulars', () => {
    const next = step(given.draft(), ev.edit({ title: '新标题', ceilingPriceFen: null }))
    expect(next.context.particulars.title).toBe('新标题')
    expect(next.context.particulars.ceilingPriceFen).toBeNull()
    expect(next.context.particulars.reference).toBe('FS-2025-001')
  })

  it('refuses empty changes, unknown keys, money that is not fen, and a bad timestamp', () => {
    const draft = given.draft()
    expect(accepts(draft, ev.edit({}))).toBe(false)
    expect(accepts(draft, { type: 'EDIT', at: T(0), changes: { colour: 'red' } as never })).toBe(false)
    expect(accepts(draft, ev.edit({ estimatedValueFen: '12.5' }))).toBe(false)
    expect(accepts(draft, ev.edit({ ceilingPriceFen: '-1' }))).toBe(false)
    expect(accepts(draft, { type: 'EDIT', at: 'yesterday', changes: { title: 'x' } })).toBe(false)
  })
})

describe('draft: PUBLISH', () => {
  it('accepts a valid publication and freezes pack, deadline, methods and factors', () => {
    const next = step(given.draft(), ev.publish())
    expect(tenderStateOf(next)).toBe('bidding')
    expect(next.context).toMatchObject({
      publishedAt: T(0),
      deadline: DEADLINE,
      evaluationMethod: 'comprehensive',
      awardMethod: 'simpleMajority',
      awardFactors: ['price', 'credit', 'performance'],
    })
    expect(next.context.rulePack?.id).toBe('cn-national-bidding')
  })

  it('accepts a deadline exactly minBidDays after publication, refuses one an instant earlier', () => {
    const draft = given.draft()
    expect(accepts(draft, ev.publish({ deadline: T(20) }))).toBe(true)
    expect(accepts(draft, ev.publish({ deadline: '2025-03-23T01:29:59.999Z' }))).toBe(false)
    expect(accepts(draft, ev.publish({ deadline: 'soon' }))).toBe(false)
  })

  it('counts the GP pack bid period in calendar days as its limit says', () => {
    const draft = given.draft()
    const publish = (deadline: string) => ev.publish({ rulePack: cnNationalGp, deadline })
    expect(accepts(draft, publish(T(20)))).toBe(true)
    expect(accepts(draft, publish(T(19)))).toBe(false)
  })

  it('refuses a rule pack with problems', () => {
    const broken = packWith({ evaluationMethods: [] })
    expect(accepts(given.draft(), ev.publish({ rulePack: broken }))).toBe(false)
  })

  it('refuses methods the pack does not allow, and lottery unless the pack allows it', () => {
    const draft = given.draft()
    const noQualitative = packWith({ evaluationMethods: ['comprehensive'] })
    expect(accepts(draft, ev.publish({ rulePack: noQualitative, evaluationMethod: 'qualitative' }))).toBe(
      false,
    )
    expect(accepts(draft, ev.publish({ awardMethod: 'lottery' }))).toBe(false)
    const lotteryPack = packWith({ awardMethods: ['lottery'], lotteryAllowed: true })
    expect(awardMethodRefusal(lotteryPack, 'lottery')?.code).toBe('award_method_not_available')
  })

  it.each<AwardMethod>(AWARD_METHODS.filter((method) => method !== 'simpleMajority'))(
    'refuses %s, which cannot decide yet, even where the pack allows it',
    (awardMethod) => {
      const everything = packWith({ awardMethods: [...AWARD_METHODS], lotteryAllowed: true })
      expect(accepts(given.draft(), ev.publish({ rulePack: everything, awardMethod }))).toBe(false)
      expect(awardMethodRefusal(everything, awardMethod)).toEqual({
        code: 'award_method_not_available',
        message: `award method ${awardMethod} is not yet implemented on this platform, so a tender published with it could never be decided; methods that can decide now: simpleMajority`,
        details: { awardMethod, allowed: [...AWARD_METHODS], available: ['simpleMajority'] },
      })
    },
  )

  it('refuses missing or blank award factors', () => {
    expect(accepts(given.draft(), ev.publish({ awardFactors: [] }))).toBe(false)
    expect(accepts(given.draft(), ev.publish({ awardFactors: ['price', ' '] }))).toBe(false)
  })

  it('refuses a tender without a title', () => {
    const untitled = step(given.draft(), ev.edit({ title: '' }))
    expect(accepts(untitled, ev.publish())).toBe(false)
  })
})

describe('draft: other events', () => {
  it('cancels with a reason, refuses a blank reason', () => {
    expect(accepts(given.draft(), ev.cancel(T(0), ' '))).toBe(false)
    const next = step(given.draft(), ev.cancel(T(0)))
    expect(tenderStateOf(next)).toBe('cancelled')
    expect(next.context.cancelReason).toBe('项目取消')
  })

  it('cannot be suspended (nothing is in progress yet)', () => {
    expect(accepts(given.draft(), ev.suspend(T(0)))).toBe(false)
  })
})

describe('draft: EDIT with undefined values', () => {
  it('treats undefined as "not changed"', () => {
    const draft = given.draft()
    expect(accepts(draft, ev.edit({ title: undefined }))).toBe(false)
    const next = step(draft, ev.edit({ title: undefined, reference: 'FS-2025-002' }))
    expect(next.context.particulars.title).toBe('佛山某道路工程施工')
    expect(JSON.parse(JSON.stringify(next.context.particulars))).toEqual(next.context.particulars)
  })
})
