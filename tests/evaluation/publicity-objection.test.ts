// Given candidates in publicity, when a bidder objects (条例 Art 54), then publicity cannot end while
// the objection is pending; upheld, the same committee re-evaluates; rejected, publicity ends as usual.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../src/shared/clock.ts'
import { driveTender } from '../support/drive.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { auth, evaluationOf, report, scoreAll, tenderInPublicity } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const objectionId = () => `obj_${randomBytes(16).toString('hex')}`
const endPublicity = async (id: string) =>
  t.http
    .post(`/api/v1/tenders/${id}/publicity/end`)
    .set('authorization', await auth(t, 'purchaser'))
    .send()

describe('objections during candidate publicity', () => {
  it('holds the end of publicity while pending; upheld, sends the committee back to evaluation', async () => {
    const { id, members, bidIds } = await tenderInPublicity(t)
    const objection = objectionId()
    t.clock.advance(DAY_MS)
    await driveTender(t, id, [{ type: 'OBJECTION_RAISED', objectionId: objection, stage: 'candidates' }])
    t.clock.advance(3 * DAY_MS)
    const held = await endPublicity(id)
    expect(held.status).toBe(422)
    expect(held.body.code).toBe('objection_pending')

    await driveTender(t, id, [{ type: 'OBJECTION_ANSWERED', objectionId: objection, upheld: true }])
    const reopened = await evaluationOf(t, id)
    expect(reopened.body).toMatchObject({
      state: 'evaluation',
      candidates: [],
      summary: null,
      publicityEndsAt: null,
      rejections: [],
    })
    // Declarations stand; scores start again.
    expect(
      reopened.body.committee.every((m: { declared: boolean; scored: boolean }) => m.declared && !m.scored),
    ).toBe(true)
    expect(reopened.body.bids[0].scores).toEqual({ count: 0, mean: null, min: null, max: null })

    await scoreAll(t, id, members, bidIds, 70)
    const again = await report(t, id, members[1]!, { candidates: [bidIds[2]], summary: '复评后推荐' })
    expect(again.status).toBe(200)
    expect(again.body.tender.state).toBe('candidatePublicity')
    expect(again.body.tender.publicityEndsAt).toBe(
      new Date(t.clock.now().getTime() + 3 * DAY_MS).toISOString(),
    )
    const view = await evaluationOf(t, id)
    expect(view.body).toMatchObject({ summary: '复评后推荐', candidates: [{ bidId: bidIds[2] }] })
    expect(view.body.bids[0].scores.mean).toBe('72.00')
  })

  it('ends publicity after an objection answered and not upheld', async () => {
    const { id } = await tenderInPublicity(t)
    const objection = objectionId()
    await driveTender(t, id, [
      { type: 'OBJECTION_RAISED', objectionId: objection, stage: 'candidates' },
      { type: 'OBJECTION_ANSWERED', objectionId: objection, upheld: false },
    ])
    t.clock.advance(3 * DAY_MS)
    const ended = await endPublicity(id)
    expect(ended.status).toBe(200)
    expect(ended.body.tender.state).toBe('awarding')
    const view = await evaluationOf(t, id)
    expect(view.body.summary).toBe('经评审，推荐定标候选人如下')
  })
})
