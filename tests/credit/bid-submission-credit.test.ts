// The credit check at bid submission: a ban in force at the cut-off refuses the bid (422 credit_refused,
// naming the ban and its end date); a penalty only flags it; a remote source that times out, fails,
// answers garbage or has its circuit open is recorded as such, never as clean; a policy that will not
// accept an incomplete check refuses with 503. Every outcome leaves a snapshot; BID_SUBMITTED names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CreditUnavailable } from '../../src/credit/credit-errors.ts'
import { createCreditLookups } from '../../src/credit/credit-lookups.ts'
import { DEFAULT_HTTP_MAPPING } from '../../src/credit/http-mapping.ts'
import { httpCreditProvider } from '../../src/credit/http-provider.ts'
import { localCreditProvider } from '../../src/credit/local-provider.ts'
import { assessBidderCredit, refuseForCredit } from '../../src/credit/submission-credit.ts'
import { readStream } from '../../src/events/event-store.ts'
import { DEMO_USERS, demoOrg } from '../../src/organisations/demo-directory.ts'
import { getRulePack } from '../../src/rules/rule-packs.ts'
import { DAY_MS } from '../../src/shared/clock.ts'
import { bidBody, post, submit } from '../support/bidding.ts'
import { driveTender } from '../support/drive.ts'
import { withCreditProviders } from '../support/second-app.ts'
import { createDraft, createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { answerFor, type CreditServer, importCsv, json, startCreditServer } from './support.ts'

const uscc = (key: string) => demoOrg(key).uscc

let t: TestApp
let tenderId: string
beforeAll(async () => {
  t = await startTestApp()
  await importCsv(t.database.db, [
    `${uscc('bidder4')},biddingBan,佛建禁〔2025〕3号,,佛山市住房和城乡建设局,2025-06-01,2027-05-31,串通投标,`,
    `${uscc('bidder2')},penalty,南建罚〔2025〕7号,,南海区住建局,2025-11-01,,扬尘治理不力,`,
  ])
  tenderId = await createPublished(t)
})
afterAll(() => t.close())

async function snapshotRow(id: string) {
  return t.database.db
    .selectFrom('credit_snapshots')
    .select(['id', 'purpose', 'tender_id', 'requested_by', 'outcome', 'complete', 'report'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The creditSnapshotId in the BID_SUBMITTED event of a bid. */
async function eventSnapshotId(bidId: string): Promise<string> {
  const [submitted] = await readStream(t.database.db, `bid-${bidId}`)
  expect(submitted?.type).toBe('BID_SUBMITTED')
  return submitted!.data.creditSnapshotId as string
}

const bidderId = (key: string) => DEMO_USERS.find((u) => u.username === key)!.id

describe('credit at bid submission (local register)', () => {
  it('refuses a bidder under a bidding ban with 422 credit_refused, naming the ban and its end date', async () => {
    const res = await submit(t, tenderId, 'bidder4')
    expect(res.status).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.body).toMatchObject({
      code: 'credit_refused',
      findings: [{ kind: 'list', list: 'biddingBan', reference: '佛建禁〔2025〕3号', endsOn: '2027-05-31' }],
    })
    expect(res.body.detail).toContain('禁止投标')
    expect(res.body.detail).toContain('until 2027-05-31')
    const snapshot = await snapshotRow(res.body.snapshotId)
    expect(snapshot).toMatchObject({
      purpose: 'bid_submission',
      tender_id: tenderId,
      requested_by: bidderId('bidder4'),
      outcome: 'refuse',
      complete: true,
    })
    const bids = await t.database.db
      .selectFrom('bids')
      .select('id')
      .where('bidder_org_id', '=', demoOrg('bidder4').id)
      .execute()
    expect(bids).toEqual([])
  })

  it('accepts a flagged bidder and a clear one; each BID_SUBMITTED names its snapshot', async () => {
    for (const [key, outcome] of [
      ['bidder2', 'flag'],
      ['bidder1', 'clear'],
    ] as const) {
      const res = await submit(t, tenderId, key)
      expect(res.status).toBe(201)
      const id = await eventSnapshotId(res.body.bid.id)
      expect(await snapshotRow(id)).toMatchObject({
        purpose: 'bid_submission',
        outcome,
        requested_by: bidderId(key),
      })
    }
    // a replacement is checked again and names its own snapshot
    const replaced = await submit(t, tenderId, 'bidder2')
    expect(replaced.status).toBe(201)
    expect(replaced.body.bid.replaces).toBeDefined()
    const first = await t.database.db
      .selectFrom('credit_snapshots')
      .select('id')
      .where('uscc', '=', uscc('bidder2'))
      .where('purpose', '=', 'bid_submission')
      .execute()
    expect(first).toHaveLength(2)
    expect(first.map((s) => s.id)).toContain(await eventSnapshotId(replaced.body.bid.id))
  })

  it('checks the policy of an unpublished tender not at all: 404 before any lookup', async () => {
    const draft = await createDraft(t)
    expect((await submit(t, draft, 'bidder1')).status).toBe(404)
  })
})

describe('credit at bid submission with a remote source', () => {
  let server: CreditServer
  // An app asking the local register and the remote source, on the same database, clock and keys.
  let viaRemote: TestApp
  beforeAll(async () => {
    server = await startCreditServer(answerFor())
    const remote = httpCreditProvider({
      id: 'remote',
      name: '远程信用源',
      urlTemplate: `${server.url}/subjects/{uscc}`,
      authHeader: null,
      mapping: DEFAULT_HTTP_MAPPING,
      notFoundMeansNoRecords: false,
      timeoutMs: 100,
      retries: 1,
      backoffMs: 1,
      failureThreshold: 3,
      resetAfterMs: 60_000,
      cacheTtlMs: 0,
      clock: t.clock,
    })
    viaRemote = await withCreditProviders(t, [localCreditProvider(t.database.db, t.clock), remote])
  })
  afterAll(async () => {
    await viaRemote.close()
    await server.close()
  })

  const remoteAnswer = async (bidId: string) => {
    const snapshot = await snapshotRow(await eventSnapshotId(bidId))
    const answers = (snapshot.report as { answers: { source: { id: string }; status: string }[] }).answers
    return { snapshot, remote: answers.find((a) => a.source.id === 'remote')! }
  }

  it.each([
    { what: 'a clean answer', behaviour: answerFor(), status: 'ok', outcome: 'clear', complete: true },
    {
      what: 'a slow answer',
      behaviour: json(200, {}, 500),
      status: 'timed_out',
      outcome: 'unavailable',
      complete: false,
    },
    {
      what: 'a 500',
      behaviour: json(500, 'oops'),
      status: 'unavailable',
      outcome: 'unavailable',
      complete: false,
    },
    {
      what: 'garbage',
      behaviour: json(200, '<html>'),
      status: 'malformed',
      outcome: 'unavailable',
      complete: false,
    },
  ])('records $what as $status (outcome $outcome); the shipped policy still accepts the bid', async (c) => {
    server.behave(c.behaviour)
    const res = await submit(viaRemote, tenderId, 'bidder3')
    expect(res.status).toBe(201)
    const { snapshot, remote } = await remoteAnswer(res.body.bid.id)
    expect(remote.status).toBe(c.status)
    expect(snapshot).toMatchObject({ outcome: c.outcome, complete: c.complete })
  })

  it('answers circuit_open once the source has failed enough, and says so in the snapshot', async () => {
    server.behave(json(500, 'down'))
    const statuses: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await submit(viaRemote, tenderId, 'bidder5')
      expect(res.status).toBe(201)
      statuses.push((await remoteAnswer(res.body.bid.id)).remote.status)
    }
    // the 500 above and the garbage before it count too: the circuit is open by now
    expect(statuses.at(-1)).toBe('circuit_open')
    const hits = server.hits.length
    const res = await submit(viaRemote, tenderId, 'bidder5')
    const { snapshot, remote } = await remoteAnswer(res.body.bid.id)
    expect(remote.status).toBe('circuit_open')
    expect(snapshot).toMatchObject({ outcome: 'unavailable', complete: false })
    expect(server.hits.length).toBe(hits)
  })
})

describe('a policy that does not accept an incomplete check', () => {
  it('refuses with 503 credit_unavailable and keeps the snapshot', async () => {
    const server = await startCreditServer(json(500, 'down'))
    try {
      const pack = getRulePack('cn-national-bidding')!
      const strict = {
        ...pack,
        credit: { ...pack.credit!, unavailable: { ...pack.credit!.unavailable, value: 'refuse' as const } },
      }
      const draft = await createDraft(t)
      const deadline = new Date(t.clock.now().getTime() + 21 * DAY_MS).toISOString()
      await driveTender(
        t,
        draft,
        [
          {
            type: 'PUBLISH',
            rulePack: strict,
            deadline,
            evaluationMethod: 'comprehensive',
            awardMethod: 'simpleMajority',
            awardFactors: ['投标报价'],
          },
        ],
        'purchaser',
      )
      const remote = httpCreditProvider({
        id: 'remote',
        name: 'down',
        urlTemplate: `${server.url}/{uscc}`,
        authHeader: null,
        mapping: DEFAULT_HTTP_MAPPING,
        notFoundMeansNoRecords: false,
        timeoutMs: 200,
        retries: 0,
        backoffMs: 0,
        failureThreshold: 10,
        resetAfterMs: 1000,
        cacheTtlMs: 0,
        clock: t.clock,
      })
      const user = DEMO_USERS.find((u) => u.username === 'bidder1')!
      const actor = {
        userId: user.id,
        orgId: user.orgId,
        roles: user.roles,
        ip: '127.0.0.1',
        requestId: 'test',
      }
      const deps = {
        db: t.database.db,
        clock: t.clock,
        credit: createCreditLookups(t.database.db, [localCreditProvider(t.database.db, t.clock), remote]),
      }
      const snapshot = await assessBidderCredit(deps, actor, draft, deadline)
      const refusal = await refuseForCredit(deps.db, snapshot).catch((error: unknown) => error)
      expect(refusal).toBeInstanceOf(CreditUnavailable)
      const problem = refusal as CreditUnavailable
      expect(problem).toMatchObject({ status: 503, code: 'credit_unavailable' })
      expect(problem.message).toContain('HTTP 500')
      expect(await snapshotRow(problem.extra.snapshotId as string)).toMatchObject({
        outcome: 'unavailable',
        complete: false,
      })
    } finally {
      await server.close()
    }
  })
})

describe('a submission after the deadline was extended', () => {
  it('is judged at the new deadline, though the submission path had the old one', async () => {
    const tender = await createPublished(t)
    const first = await submit(t, tender, 'bidder1') // the submission path now holds the deadline
    expect(first.status).toBe(201)
    const { deadline } = (await t.http.get(`/api/v1/tenders/${tender}`)).body
    expect((await snapshotRow(await eventSnapshotId(first.body.bid.id))).report).toMatchObject({
      at: deadline,
    })
    const newDeadline = new Date(Date.parse(deadline) + 7 * DAY_MS).toISOString()
    const extended = await post(t, `${tender}/extend-deadline`, 'purchaser', {
      newDeadline,
      reason: '澄清答疑',
    })
    expect(extended.status).toBe(200)

    for (const username of ['bidder3', 'bidder1']) {
      const res = await submit(t, tender, username) // a new bid, then a replacement
      expect(res.status).toBe(201)
      const snapshot = await t.database.db
        .selectFrom('credit_snapshots')
        .select(['cutoff_at', 'report'])
        .where('id', '=', await eventSnapshotId(res.body.bid.id))
        .executeTakeFirstOrThrow()
      expect(new Date(snapshot.cutoff_at).toISOString()).toBe(newDeadline)
      expect(snapshot.report).toMatchObject({ at: newDeadline })
    }
  })
})

describe('a retried submission after a ban was recorded', () => {
  it('gets the first answer: the accepted bid is not refused, and no second snapshot is taken', async () => {
    const tender = await createPublished(t)
    const send = async () =>
      t.http
        .post(`/api/v1/tenders/${tender}/bids`)
        .set('authorization', `Bearer ${await t.token('bidder3')}`)
        .set('idempotency-key', 'retry-after-ban-1')
        .send({ bid: bidBody() })
    const first = await send()
    expect(first.status).toBe(201)
    await importCsv(t.database.db, [
      `${uscc('bidder3')},biddingBan,佛建禁〔2026〕9号,,佛山市住房和城乡建设局,2026-01-01,2028-01-01,串通投标,`,
    ])
    const snapshots = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('credit_snapshots')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await snapshots()
    const retry = await send()
    expect(retry.status).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.body).toEqual(first.body)
    expect(await snapshots()).toBe(before)
  })
})
