// The credit policy of the rule packs applied to reports: what refuses, what flags, what an incomplete
// check means, and the cut-off. Pure: no database, no provider.
import { describe, expect, it } from 'vitest'
import { creditCutoff, judgeCredit } from '../../src/credit/credit-policy.ts'
import { inForceOn, shanghaiDate } from '../../src/credit/credit-report.ts'
import { getRulePack, listRulePacks } from '../../src/rules/rule-packs.ts'
import { CREDIT_LISTS, type CreditPolicy, rulePackProblems } from '../../state-machines/rule-pack.ts'
import { BANNED, combined, report } from './support.ts'

const bidding = getRulePack('cn-national-bidding')!.credit!
const gp = getRulePack('cn-national-gp')!.credit!
const CUTOFF = '2026-03-23T01:30:00.000Z' // 09:30 Shanghai, 2026-03-23

const ban = (endsOn: string | null, startsOn = '2025-06-01') => ({
  list: 'biddingBan' as const,
  reference: '佛建禁〔2025〕3号',
  authority: '佛山市住房和城乡建设局',
  startsOn,
  endsOn,
  detail: null,
})

describe('judging a report under a policy', () => {
  it('refuses a bid for a bidding ban in force at the cut-off, naming it and its end date', () => {
    const verdict = judgeCredit(
      combined(report({ uscc: BANNED, lists: [ban('2027-05-31')] })),
      bidding,
      CUTOFF,
    )
    expect(verdict).toMatchObject({
      outcome: 'refuse',
      blocks: true,
      complete: true,
      cutoffDate: '2026-03-23',
    })
    expect(verdict.findings).toEqual([
      expect.objectContaining({
        kind: 'list',
        list: 'biddingBan',
        consequence: 'refuse',
        endsOn: '2027-05-31',
      }),
    ])
    expect(verdict.findings[0]!.summary).toContain('until 2027-05-31')
    expect(verdict.findings[0]!.rule).toMatch(/实施条例 Art 67–68/)
  })

  it('ignores a ban that ended before the cut-off or starts after it; the last day still counts', () => {
    const ended = judgeCredit(combined(report({ uscc: BANNED, lists: [ban('2026-03-22')] })), bidding, CUTOFF)
    expect(ended.outcome).toBe('clear')
    const lastDay = judgeCredit(
      combined(report({ uscc: BANNED, lists: [ban('2026-03-23')] })),
      bidding,
      CUTOFF,
    )
    expect(lastDay.outcome).toBe('refuse')
    const later = judgeCredit(
      combined(report({ uscc: BANNED, lists: [ban('2028-01-01', '2026-04-01')] })),
      bidding,
      CUTOFF,
    )
    expect(later.outcome).toBe('clear')
  })

  it('flags what the pack only flags: a judgment defaulter in a bidding-law tender, a recent penalty', () => {
    const defaulter = { ...ban(null), list: 'judgmentDefaulter' as const }
    const penalty = {
      reference: '穗建罚〔2025〕88号',
      authority: null,
      decidedOn: '2025-09-10',
      endsOn: null,
      detail: '罚款',
    }
    const old = { ...penalty, reference: 'old', decidedOn: '2021-01-01' }
    const answer = report({ uscc: BANNED, lists: [defaulter], penalties: [penalty, old] })
    const verdict = judgeCredit(combined(answer), bidding, CUTOFF)
    expect(verdict).toMatchObject({ outcome: 'flag', blocks: false })
    expect(verdict.findings.map((f) => [f.kind, f.reference, f.consequence])).toEqual([
      ['list', '佛建禁〔2025〕3号', 'flag'],
      ['penalty', '穗建罚〔2025〕88号', 'flag'],
    ])
    // the same defaulter is refused under the government-procurement pack
    expect(judgeCredit(combined(answer), gp, CUTOFF)).toMatchObject({ outcome: 'refuse', blocks: true })
  })

  it.each(['unavailable', 'timed_out', 'malformed', 'circuit_open'] as const)(
    'never passes a %s source as clean',
    (status) => {
      const failed = report({ uscc: BANNED, status, problem: 'no answer', rawSha256: null, dataAsOf: null })
      const verdict = judgeCredit(combined(failed), bidding, CUTOFF)
      expect(verdict).toMatchObject({ outcome: 'unavailable', complete: false, blocks: false })
      expect(verdict.findings[0]).toMatchObject({ kind: 'unavailable', status, consequence: 'flag' })
      expect(verdict.findings[0]!.summary).toContain('not a clean record')
      const strict: CreditPolicy = { ...bidding, unavailable: { ...bidding.unavailable, value: 'refuse' } }
      expect(judgeCredit(combined(failed), strict, CUTOFF)).toMatchObject({
        outcome: 'unavailable',
        blocks: true,
      })
    },
  )

  it('combines sources by the worst answer: one refusal wins, one missing source makes it incomplete', () => {
    const http = { id: 'http', kind: 'http' as const, name: 'remote' }
    const clean = report({ uscc: BANNED })
    const down = report({ uscc: BANNED, source: http, status: 'timed_out', problem: 'slow', rawSha256: null })
    const banned = report({ uscc: BANNED, source: http, lists: [ban('2027-05-31')] })
    expect(judgeCredit(combined(clean, down), bidding, CUTOFF)).toMatchObject({
      outcome: 'unavailable',
      complete: false,
    })
    expect(
      judgeCredit(combined(down, { ...banned, source: { ...http, id: 'local' } }), bidding, CUTOFF).outcome,
    ).toBe('refuse')
    expect(judgeCredit(combined(clean, banned), bidding, CUTOFF).findings[0]!.sourceId).toBe('http')
    expect(judgeCredit(combined(), bidding, CUTOFF)).toMatchObject({
      outcome: 'unavailable',
      complete: false,
    })
  })
})

describe('the cut-off', () => {
  it('is the bid deadline or the submission, as the policy declares', () => {
    const deadline = '2026-03-23T01:30:00.000Z'
    const submitted = '2026-03-10T02:00:00.000Z'
    expect(creditCutoff(bidding, deadline, submitted)).toBe(deadline)
    const atSubmission: CreditPolicy = { ...bidding, cutoff: { ...bidding.cutoff, value: 'submission' } }
    expect(creditCutoff(atSubmission, deadline, submitted)).toBe(submitted)
  })

  it('judges days in Asia/Shanghai: 23:30 UTC is already the next day there', () => {
    expect(shanghaiDate('2026-05-30T16:30:00.000Z')).toBe('2026-05-31')
    expect(inForceOn({ startsOn: null, endsOn: '2026-05-30' }, shanghaiDate('2026-05-30T16:30:00Z'))).toBe(
      false,
    )
  })
})

describe('the shipped packs', () => {
  it.each(listRulePacks().map((pack) => [pack.id, pack] as const))(
    '%s declares a cited credit policy',
    (_id, pack) => {
      const policy = pack.credit!
      expect(policy).toBeDefined()
      const rules = [
        ...CREDIT_LISTS.map((list) => policy.lists[list]),
        policy.penalties,
        policy.unavailable,
        policy.cutoff,
        policy.penaltyYears,
      ]
      for (const rule of rules) {
        expect(rule.source.length).toBeGreaterThan(10)
        if (rule.confidence === 'U') expect(rule.source).toMatch(/unverified/i)
      }
      expect(policy.lists.biddingBan.value).toBe('refuse')
      expect(rulePackProblems(pack)).toEqual([])
    },
  )

  it('refuses a pack whose credit policy is incomplete', () => {
    const pack = getRulePack('cn-national-bidding')!
    const broken = {
      ...pack,
      credit: { ...pack.credit!, cutoff: { ...pack.credit!.cutoff, value: 'whenever' as 'submission' } },
    }
    expect(rulePackProblems(broken)).toEqual(['credit.cutoff must be one of bidDeadline, submission'])
  })
})
