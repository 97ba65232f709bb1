// The award meeting's pages act through the API's own functions: a check-in, a ballot (through its
// confirm page, nothing stored before it is confirmed) and the chair's rounds are the API's events by
// the signed-in user; refusals come back beside their fields; no tally shows before the round closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PageAnswer, type PageClient, pageClient } from '../support/page-client.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import {
  type AwardingTender,
  castBallots,
  checkInAll,
  formAndFreeze,
  lastTenderEvent,
  openMeeting,
  reachAwarding,
  userId,
  voteRound,
} from './support.ts'

let t: TestApp
let tender: AwardingTender
let members: string[]
const meeting = () => `/meetings/${tender.tenderId}`

beforeAll(async () => {
  t = await startTestApp()
  tender = await reachAwarding(t)
  members = await formAndFreeze(t, tender.tenderId)
})
afterAll(() => t.close())

async function eventTypes(): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('events')
    .select(['type'])
    .where('stream_id', '=', `tender-${tender.tenderId}`)
    .orderBy('seq')
    .execute()
  return rows.map((row) => row.type)
}

const lastEvent = () => lastTenderEvent(t, tender.tenderId)

function basics(page: PageAnswer, status = 200) {
  expect(page.status).toBe(status)
  expect(page.document.querySelectorAll('h1').length).toBe(1)
  for (const form of page.document.querySelectorAll('form[method="post"]'))
    expect(form.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBeTruthy()
  for (const control of page.document.querySelectorAll('input:not([type="hidden"]), textarea')) {
    const id = control.getAttribute('id')
    expect(id && page.document.querySelector(`label[for="${id}"]`)).toBeTruthy()
  }
}

const text = (page: PageAnswer) => page.document.querySelector('main')?.textContent ?? ''

async function signedIn(username: string): Promise<PageClient> {
  const client = pageClient(t.app)
  await client.signIn(username)
  return client
}

describe('award meeting pages', () => {
  let member: PageClient
  let chair: PageClient
  let receiptCode = ''

  it('lists my meetings with the project, state, my part and the next step', async () => {
    member = await signedIn(members[1]!)
    const page = await member.get('/meetings')
    basics(page)
    const row = page.document.querySelector('tbody tr')!
    expect(row.querySelector(`a[href="${meeting()}"]`)).not.toBeNull()
    expect(row.textContent).toContain('定标委员')
    expect(row.textContent).toContain('委员签到或申请回避')
    expect(page.document.querySelector('caption')?.textContent).toContain('定标会')
  })

  it('checks a member in only with the declaration ticked, and never without the CSRF token', async () => {
    const before = await eventTypes()
    const page = await member.get(meeting())
    basics(page)
    expect(page.document.querySelector('blockquote')?.textContent).toContain('本人承诺')
    expect(page.document.querySelector('form[action$="/check-in"] button')?.textContent).toBe(
      '声明无利害关系并签到',
    )
    const unticked = await member.post(`${meeting()}/check-in`, {})
    basics(unticked, 422)
    expect(unticked.document.querySelector('#f-declare-error')?.textContent).toContain('请勾选')
    expect(unticked.document.querySelector('.error-summary a')?.getAttribute('href')).toBe('#f-declare')
    const forged = await member.post(`${meeting()}/check-in`, { declare: 'yes' }, { csrf: null })
    expect(forged.status).toBe(403)
    expect(await eventTypes()).toEqual(before)
    const done = await member.post(`${meeting()}/check-in`, { declare: 'yes' })
    expect(done.status).toBe(303)
    const event = await lastEvent()
    expect(event.type).toBe('CHECK_IN')
    expect(event.meta).toMatchObject({ userId: userId(members[1]!) })
  })

  it('requires a reason to recuse', async () => {
    const other = await signedIn(members[4]!)
    await other.get(meeting())
    const refused = await other.post(`${meeting()}/recuse`, { recusal: '  ' })
    basics(refused, 422)
    expect(refused.document.querySelector('#f-recusal-error')?.textContent).toContain('回避理由')
  })

  it('shows a checked-in member the dossiers with their hash', async () => {
    const page = await member.get(meeting())
    basics(page)
    const dossier = page.document.querySelector('#dossier-title')?.closest('section')
    expect(dossier?.querySelectorAll('tbody tr').length).toBe(3)
    expect(dossier?.textContent).toMatch(/¥36,500,000\.00/)
    expect(dossier?.querySelector('code.hash')?.textContent).toMatch(/^[0-9a-f]{64}$/)
    expect(page.document.querySelector('form[action$="/check-in"]')).toBeNull()
  })

  it('gives the chair a console with exactly the actions the machine allows', async () => {
    await checkInAll(t, tender.tenderId, [members[0]!, members[2]!, members[3]!, members[4]!])
    chair = await signedIn(members[0]!)
    const page = await chair.get(meeting())
    basics(page)
    const console = page.document.querySelector('#console')!
    expect(console.querySelectorAll('tbody tr').length).toBe(5)
    expect(console.textContent).toContain('已签到')
    const buttons = (page: PageAnswer) =>
      [...page.document.querySelectorAll('#console form[method="post"] button')].map((b) => b.textContent)
    expect(buttons(page)).toEqual(['开启第1轮'])
    expect(console.querySelector('form[method="get"][action$="#console"] button')?.textContent).toBe(
      '刷新状态',
    )
    const opened = await chair.post(`${meeting()}/rounds/1/open`, {})
    expect(opened.status).toBe(303)
    expect((await lastEvent()).type).toBe('OPEN_ROUND')
    const again = await chair.get(meeting())
    expect(buttons(again)).toEqual([])
  })

  it('refuses the chair a round out of turn beside the form, nothing recorded', async () => {
    const before = await eventTypes()
    await chair.get(meeting())
    const refused = await chair.post(`${meeting()}/rounds/1/close`, {})
    basics(refused, 422)
    expect(refused.document.querySelector('.error-summary')?.textContent).toContain('还有委员没有投票')
    expect(await eventTypes()).toEqual(before)
  })

  it('takes a ballot through its confirm page to a receipt, storing nothing before confirmation', async () => {
    const page = await member.get(meeting())
    basics(page)
    expect(text(page)).toContain('已投 0/5')
    const fieldset = page.document.querySelector('form[action$="/ballot/confirm"] fieldset')!
    expect(fieldset.querySelector('legend')?.textContent).toBeTruthy()
    expect(fieldset.querySelectorAll('input[type="radio"]').length).toBe(3)
    expect(fieldset.textContent).toMatch(/¥38,000,000\.00/)

    const noReason = await member.post(`${meeting()}/ballot/confirm`, {
      candidateBidId: tender.candidates[1]!,
    })
    basics(noReason, 422)
    expect(noReason.document.querySelector('#f-reason-error')?.textContent).toContain('投票理由')

    const before = await eventTypes()
    const reason = '报价最低，<b>信用良好</b>'
    const confirm = await member.post(`${meeting()}/ballot/confirm`, {
      candidateBidId: tender.candidates[1]!,
      reason,
    })
    basics(confirm)
    expect(text(confirm)).toContain('提交后不可修改')
    expect(text(confirm)).toContain(reason)
    const cast = confirm.document.querySelector('form[action$="/ballot"]')!
    expect(cast.querySelector('input[name="candidateBidId"]')?.getAttribute('value')).toBe(
      tender.candidates[1],
    )
    expect([...confirm.document.querySelectorAll('button')].map((b) => b.textContent)).toContain('返回修改')
    expect(await eventTypes()).toEqual(before)

    const back = await member.post(`${meeting()}/ballot/change`, {
      candidateBidId: tender.candidates[1]!,
      reason,
    })
    expect(
      back.document.querySelector(`input[value="${tender.candidates[1]}"]`)?.hasAttribute('checked'),
    ).toBe(true)

    const forged = await member.post(
      `${meeting()}/ballot`,
      { candidateBidId: tender.candidates[1]!, reason },
      { csrf: null },
    )
    expect(forged.status).toBe(403)
    expect(await eventTypes()).toEqual(before)

    await member.get(meeting())
    const done = await member.post(`${meeting()}/ballot`, { candidateBidId: tender.candidates[1]!, reason })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(`${meeting()}/receipt`)
    const event = await lastEvent()
    expect(event.type).toBe('CAST_BALLOT')
    expect(event.meta).toMatchObject({ userId: userId(members[1]!) })
    const receipt = await member.get(`${meeting()}/receipt`)
    basics(receipt)
    receiptCode = receipt.document.querySelector('.receipt-code')?.textContent ?? ''
    expect(receiptCode).toBe(`${event.seq}-${event.hash.slice(0, 12)}`)
    expect(text(receipt)).toContain('本轮结束后公布结果')
    expect(receipt.document.querySelector('time')?.getAttribute('datetime')).toMatch(/Z$/)
  })

  it('shows a candidate the round does not hold as a refusal beside the choice', async () => {
    const other = await signedIn(members[2]!)
    await other.get(meeting())
    const refused = await other.post(`${meeting()}/ballot`, {
      candidateBidId: tender.bidIds[3]!,
      reason: '理由',
    })
    basics(refused, 422)
    expect(refused.document.querySelector('#f-candidateBidId-error')?.textContent).toBe(
      '所选单位不在本轮的定标候选人之中',
    )
  })

  it('shows who has voted, never what, and no tally before the round closes', async () => {
    const page = await chair.get(meeting())
    const rows = [...page.document.querySelectorAll('#console tbody tr')]
    const voted = rows.find((row) => row.textContent?.includes('✓'))!
    expect(rows.filter((row) => row.textContent?.includes('✓ 已投')).length).toBe(1)
    expect(voted.textContent).not.toContain('公司')
    const mine = await member.get(meeting())
    expect(text(mine)).toContain(receiptCode)
    expect(text(mine)).toContain('已投 1/5')
    expect(mine.document.querySelector('form[action$="/ballot/confirm"]')).toBeNull()
    for (const p of [page, mine]) {
      expect(text(p)).not.toContain('投票结果')
      expect(text(p)).not.toContain('得票数')
    }
  })

  it('shows the counts once the chair closes the round, and the decision form', async () => {
    const others = [members[0]!, members[2]!, members[3]!, members[4]!]
    await castBallots(
      t,
      tender.tenderId,
      others,
      others.map(() => tender.candidates[1]!),
    )
    const page = await chair.get(meeting())
    expect(
      [...page.document.querySelectorAll('#console form[method="post"] button')].map((b) => b.textContent),
    ).toEqual(['结束第1轮'])
    expect((await chair.post(`${meeting()}/rounds/1/close`, {})).status).toBe(303)
    const closed = await member.get(meeting())
    basics(closed)
    const result = closed.document.querySelector('#result-1')?.closest('section')
    expect(result?.querySelector('caption')?.textContent).toContain('第 1 轮')
    expect(result?.textContent).toContain('5')
    const console = await chair.get(meeting())
    basics(console)
    const decision = console.document.querySelector('form[action$="/decision"]')!
    expect(decision.querySelectorAll('input[type="radio"]').length).toBe(3)
    const noReasons = await chair.post(`${meeting()}/decision`, { winnerBidId: tender.candidates[1]! })
    basics(noReasons, 422)
    expect(noReasons.document.querySelector('#f-reasons-error')).not.toBeNull()
    const wrong = await chair.post(`${meeting()}/decision`, {
      winnerBidId: tender.candidates[0]!,
      reasons: '经比较',
    })
    basics(wrong, 422)
    expect(wrong.document.querySelector('#f-winnerBidId-error')?.textContent).toBeTruthy()
    const decided = await chair.post(`${meeting()}/decision`, {
      winnerBidId: tender.candidates[1]!,
      reasons: '经定标委员会票决，得票过半',
    })
    expect(decided.status).toBe(303)
    const event = await lastEvent()
    expect(event.type).toBe('DECIDE')
    expect(event.meta).toMatchObject({ userId: userId(members[0]!) })
    const after = await member.get(meeting())
    expect(after.document.querySelector('.panel-title')?.textContent).toContain('已定标')
  })

  it('shows a supervisor the console read-only', async () => {
    const supervisor = await signedIn('supervisor')
    const page = await supervisor.get(meeting())
    basics(page)
    expect(page.document.querySelector('#console-title')?.textContent).toContain('只读')
    expect(page.document.querySelectorAll('#console form[method="post"]').length).toBe(0)
  })

  it("refuses a member another tender's meeting", async () => {
    const stranger = ['member1', 'member2', 'member3', 'member4', 'member5', 'member6', 'member7'].find(
      (name) => !members.includes(name),
    )!
    const client = await signedIn(stranger)
    const page = await client.get(meeting())
    expect([403, 404]).toContain(page.status)
    expect(text(page)).not.toContain('定标资料')
    const before = await eventTypes()
    const vote = await client.post(`${meeting()}/ballot`, {
      candidateBidId: tender.candidates[0]!,
      reason: 'x',
    })
    expect([403, 404]).toContain(vote.status)
    expect(await eventTypes()).toEqual(before)
  })
})

// After a tied round: the one button the machine allows is 重新投票, and round 2 holds only the tied.
describe('the console after a tie', () => {
  it('offers 重新投票, records START_REVOTE by the chair, then 开启第2轮 among the tied', async () => {
    const tender = await reachAwarding(t)
    const members = await openMeeting(t, tender.tenderId)
    const [a, b, c] = tender.candidates as [string, string, string]
    await voteRound(t, tender.tenderId, members, [a, a, b, b, c])
    const meeting = `/meetings/${tender.tenderId}`
    const chair = pageClient(t.app)
    await chair.signIn(members[0]!)
    const page = await chair.get(meeting)
    const buttons = () =>
      [...page.document.querySelectorAll('#console form[method="post"] button')].map((b) => b.textContent)
    expect(buttons()).toEqual(['重新投票'])
    expect(page.document.querySelector('#result-1')?.closest('section')?.textContent).toMatch(
      /2[\s\S]*2[\s\S]*1/,
    )
    expect(page.document.querySelector('form[action$="/decision"]')).toBeNull()
    expect((await chair.post(`${meeting}/revote`, {})).status).toBe(303)
    const event = await lastTenderEvent(t, tender.tenderId)
    expect(event.type).toBe('START_REVOTE')
    expect(event.meta).toMatchObject({ userId: userId(members[0]!) })
    const next = await chair.get(meeting)
    expect(
      [...next.document.querySelectorAll('#console form[method="post"] button')].map((b) => b.textContent),
    ).toEqual(['开启第2轮'])
    expect((await chair.post(`${meeting}/rounds/2/open`, {})).status).toBe(303)
    const ballot = await chair.get(meeting)
    const radios = [
      ...ballot.document.querySelectorAll('form[action$="/ballot/confirm"] input[type="radio"]'),
    ]
    expect(radios.map((r) => r.getAttribute('value'))).toEqual([a, b])
  })
})
