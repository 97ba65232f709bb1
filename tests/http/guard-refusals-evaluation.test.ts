// Given a tender in evaluation or in the award meeting, when a command breaks a rule of the tender
// machine, then the API answers the refusal the machine names, with the rule's limit and source.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cnNationalBidding as pack } from '../../src/rules/packs/cn-national-bidding.ts'
import { RuleViolation } from '../../src/shared/errors.ts'
import { post as award, decideAndPublish, openMeeting, reachAwarding, userId } from '../award/support.ts'
import {
  auth,
  declare,
  declareAll,
  drawCommittee,
  newBidId,
  outsiders,
  report,
  score,
  scoreAll,
  tenderInEvaluation,
} from '../evaluation/support.ts'
import { driveTender } from '../support/drive.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { citation, expectRefusal } from './guard-refusals-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function evaluation(id: string, path: string, user: string, body: Record<string, unknown> = {}) {
  return t.http
    .post(`/api/v1/tenders/${id}/${path}`)
    .set('authorization', await auth(t, user))
    .send(body)
}

const committeeSource = pack.evaluationCommittee.minSize.source

describe('the evaluation committee', () => {
  it('an even size: committee_size_not_allowed; a second draw: 409 committee_already_drawn', async () => {
    const { id } = await tenderInEvaluation(t)
    const even = await evaluation(id, 'evaluation/committee', 'purchaser', { size: 6 })
    expectRefusal(even, {
      status: 422,
      code: 'committee_size_not_allowed',
      limit: 5,
      source: committeeSource,
    })
    await drawCommittee(t, id)
    const again = await evaluation(id, 'evaluation/committee', 'purchaser', {})
    expectRefusal(again, {
      status: 409,
      code: 'committee_already_drawn',
      limit: 1,
      source: expect.stringContaining('实施条例 Art 46'),
    })
  })

  it('experts under 2/3 of the members (a draw carrying non-experts): expert_share_too_low', async () => {
    // Not reachable over HTTP, where every member is drawn from the expert pool: sent to the pipeline.
    const { id } = await tenderInEvaluation(t)
    const experts = ['e1', 'e2', 'e3']
    const draw = { pool: experts, secretCommitment: 'c', secret: 's', seed: 'x' }
    const members = [...experts, 'rep1', 'rep2'] // two purchaser's representatives: 3/5 < 2/3
    const refused = await driveTender(t, id, [{ type: 'DRAW_EXPERTS', members, draw }]).catch((e) => e)
    expect(refused).toBeInstanceOf(RuleViolation)
    const share = pack.evaluationCommittee.minExpertShare!
    expect(refused).toMatchObject({
      code: 'expert_share_too_low',
      extra: { limit: '2/3', source: share.source },
    })
    expect(share.source).toContain('三分之二')
  })
})

describe('declarations, rejections and scores', () => {
  it('names each rule of the preliminary review and the scoring', async () => {
    const { id, bids } = await tenderInEvaluation(t)
    const members = await drawCommittee(t, id)
    const [first, second] = members as [string, string]
    const bidIds = bids.map((b) => b.bidId)
    const declarationSource = expect.stringContaining('回避')
    const early = await score(t, id, first, bidIds, [80, 80, 80, 80])
    expectRefusal(early, {
      status: 422,
      code: 'declaration_required',
      limit: 'DECLARE_NO_CONFLICT',
      source: declarationSource,
    })
    await declareAll(t, id, members)
    expectRefusal(await declare(t, id, first), {
      status: 409,
      code: 'already_declared',
      limit: 1,
      source: declarationSource,
    })
    const review = expect.stringContaining('暂行规定')
    const unknown = await evaluation(id, 'evaluation/rejections', first, {
      bidId: newBidId(),
      ground: '无效',
    })
    expectRefusal(unknown, { status: 422, code: 'bid_not_opened', limit: 'an opened bid', source: review })
    const ground = { bidId: bidIds[3], ground: '报价高于最高投标限价' }
    expect((await evaluation(id, 'evaluation/rejections', first, ground)).status).toBe(200)
    const twice = await evaluation(id, 'evaluation/rejections', second, ground)
    expectRefusal(twice, { status: 409, code: 'already_rejected', limit: 1, source: review })
    const partial = await score(t, id, first, bidIds.slice(0, 2), [80, 80])
    expectRefusal(partial, {
      status: 422,
      code: 'scores_must_cover_valid_bids',
      limit: 3,
      source: expect.stringContaining('法 Art 40'),
    })
    expect((await score(t, id, first, bidIds.slice(0, 3), [80, 81, 82])).status).toBe(200)
    const again = await score(t, id, first, bidIds.slice(0, 3), [80, 81, 82])
    expectRefusal(again, {
      status: 409,
      code: 'already_scored',
      limit: 1,
      source: expect.stringContaining('Art 42'),
    })
    const late = await evaluation(id, 'evaluation/rejections', second, { bidId: bidIds[2], ground: '无效' })
    expectRefusal(late, {
      status: 422,
      code: 'rejections_closed',
      limit: 'before the first scores',
      source: review,
    })
  })
})

describe('the report and the publicity', () => {
  it('names the committee, candidate and publicity rules', async () => {
    const { id, bids } = await tenderInEvaluation(t)
    const members = await drawCommittee(t, id)
    const bidIds = bids.map((b) => b.bidId)
    const [first] = members as [string]
    await declareAll(t, id, members)
    const unfinished = await report(t, id, first, { candidates: bidIds.slice(0, 2) })
    expectRefusal(unfinished, {
      status: 422,
      code: 'committee_not_finished',
      limit: 5,
      source: expect.stringContaining('法 Art 40'),
    })
    await scoreAll(t, id, members, bidIds)
    const invalid = await report(t, id, first, { candidates: [newBidId()] })
    expectRefusal(invalid, {
      status: 422,
      code: 'candidate_not_valid',
      limit: 'a valid bid',
      source: expect.stringContaining('法 Art 40'),
    })
    const tooMany = await report(t, id, first, { candidates: bidIds })
    expectRefusal(tooMany, {
      status: 422,
      code: 'candidate_count_out_of_range',
      ...citation(pack.candidates.max),
    })
    const dissent = [{ expertId: outsiders(members)[0], opinion: '不同意' }]
    const outsider = await report(t, id, first, { candidates: bidIds.slice(0, 2), dissent })
    expectRefusal(outsider, {
      status: 422,
      code: 'dissent_not_member',
      limit: 'a drawn member',
      source: expect.stringContaining('法 Art 37'),
    })
    expect((await report(t, id, first, { candidates: bidIds.slice(0, 2) })).status).toBe(200)
    const early = await evaluation(id, 'publicity/end', 'purchaser')
    expectRefusal(early, {
      status: 422,
      code: 'publicity_not_over',
      ...citation(pack.limits.candidatePublicityDays),
    })
  })
})

describe('the award meeting', () => {
  const url = (tenderId: string, path: string) => `/api/v1/tenders/${tenderId}/${path}`

  it('names the committee and dossier rules', async () => {
    const { tenderId } = await reachAwarding(t)
    const dossiers = expect.stringContaining('REGULATIONS §5')
    const frozen = await award(t, 'purchaser', url(tenderId, 'award/dossiers/freeze'))
    expectRefusal(frozen, {
      status: 422,
      code: 'committee_not_formed',
      limit: 'FORM_AWARD_COMMITTEE',
      source: dossiers,
    })
    const small = await award(t, 'purchaser', url(tenderId, 'award/committee'), { size: 4 })
    expectRefusal(small, {
      status: 422,
      code: 'invalid_committee_size',
      ...citation(pack.awardCommittee.minSize),
    })
    const chairId = userId('expert1')
    const chair = await award(t, 'purchaser', url(tenderId, 'award/committee'), { chairId })
    const committee = expect.stringContaining('REGULATIONS §5.1')
    expectRefusal(chair, {
      status: 422,
      code: 'chair_not_on_committee',
      limit: 'a drawn member',
      source: committee,
    })
    expect((await award(t, 'purchaser', url(tenderId, 'award/committee'))).status).toBe(200)
    const again = await award(t, 'purchaser', url(tenderId, 'award/committee'))
    expectRefusal(again, { status: 422, code: 'committee_already_formed', limit: 1, source: committee })
    expect((await award(t, 'purchaser', url(tenderId, 'award/dossiers/freeze'))).status).toBe(200)
    const twice = await award(t, 'purchaser', url(tenderId, 'award/dossiers/freeze'))
    expectRefusal(twice, { status: 409, code: 'dossiers_already_frozen', limit: 1, source: dossiers })
  })

  it('names the ballot and decision rules', async () => {
    const { tenderId, bidIds, candidates } = await reachAwarding(t)
    const members = await openMeeting(t, tenderId)
    const [first] = members as [string]
    const ballots = expect.stringContaining('REGULATIONS §5.2')
    const ballot = (candidateBidId: string | undefined) => ({ candidateBidId, reason: '综合比较后选择' })
    const outsider = await award(t, first, url(tenderId, 'award/ballots'), ballot(bidIds[3]))
    expectRefusal(outsider, {
      status: 422,
      code: 'not_an_active_candidate',
      limit: candidates.join(', '),
      source: ballots,
    })
    expect((await award(t, first, url(tenderId, 'award/ballots'), ballot(candidates[0]))).status).toBe(200)
    const twice = await award(t, first, url(tenderId, 'award/ballots'), ballot(candidates[0]))
    expectRefusal(twice, { status: 409, code: 'already_voted', limit: 1, source: ballots })
    const decision = { winnerBidId: candidates[0], reasons: '定标' }
    const early = await award(t, 'purchaser', url(tenderId, 'award/decision'), decision)
    expectRefusal(early, {
      status: 422,
      code: 'winner_not_designated',
      limit: 'none yet',
      source: expect.stringContaining('法 Art 40'),
    })
    const revote = await award(t, 'purchaser', url(tenderId, 'award/revote'))
    const revotes = pack.maxRevotes as { value: number; source: string }
    expectRefusal(revote, { status: 422, code: 'no_tie_to_revote', ...citation(revotes) })
    const failure = await award(t, 'purchaser', url(tenderId, 'award/failure'))
    expectRefusal(failure, {
      status: 422,
      code: 'award_not_deadlocked',
      limit: pack.tieBreak!.value,
      source: pack.tieBreak!.source,
    })
  })

  it('before the notice: no contract (notice_not_issued); one notice only (notice_already_issued)', async () => {
    const { tenderId, candidates } = await reachAwarding(t)
    const members = await openMeeting(t, tenderId)
    await decideAndPublish(t, tenderId, members, candidates[0]!)
    const contract = await award(t, 'purchaser', url(tenderId, 'contract'), {
      contractRef: `HT-${randomBytes(4).toString('hex')}`,
    })
    expectRefusal(contract, {
      status: 422,
      code: 'notice_not_issued',
      limit: 'ISSUE_AWARD_NOTICE',
      source: expect.stringContaining('法 Art 46'),
    })
    expect((await award(t, 'purchaser', url(tenderId, 'award-notice'))).status).toBe(201)
    const again = await award(t, 'purchaser', url(tenderId, 'award-notice'))
    expectRefusal(again, {
      status: 422,
      code: 'notice_already_issued',
      limit: 1,
      source: expect.stringContaining('法 Art 45'),
    })
  })
})
