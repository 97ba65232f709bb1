// Bad input on every bidding and opening route — unknown field, wrong type, malformed id, unknown
// tender, missing token, wrong role — gets problem+json with a stable code, never a 500, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../src/shared/ids.ts'
import {
  bearer,
  bidBody,
  createPublished,
  post,
  problemOf,
  snapshotCounts,
  submitOk,
} from '../support/bidding.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let ids: { tender: string; bid: string; question: string; objection: string }
beforeAll(async () => {
  t = await startTestApp()
  const tender = await createPublished(t)
  const bid = await submitOk(t, tender, 'bidder1')
  const question = (await post(t, `${tender}/questions`, 'bidder1', { question: '工期能否调整？' })).body.id
  const objection = (
    await post(t, `${tender}/objections`, 'bidder1', { stage: 'documents', summary: '评分标准不明确' })
  ).body.id
  ids = { tender, bid: bid.id, question, objection }
})
afterAll(() => t.close())

type Method = 'post' | 'get' | 'delete'
interface RouteCase {
  readonly name: string
  readonly method: Method
  readonly path: (tender: string) => string
  readonly body?: Record<string, unknown>
  /** A field with the wrong type, for routes with a body. */
  readonly wrongType?: Record<string, unknown>
  /** A role the route refuses, with the code it answers; null for public reads. */
  readonly wrongRole: { username: string; code: string } | null
  readonly authenticated: boolean
}

const forbidden = (username: string) => ({ username, code: 'forbidden' })
const ROUTES: RouteCase[] = [
  {
    name: 'ask a question',
    method: 'post',
    path: (x) => `${x}/questions`,
    body: { question: '?' },
    wrongType: { question: 42 },
    wrongRole: forbidden('purchaser'),
    authenticated: true,
  },
  {
    name: 'list questions',
    method: 'get',
    path: (x) => `${x}/questions`,
    wrongRole: null,
    authenticated: false,
  },
  {
    name: 'answer a question',
    method: 'post',
    path: (x) => `${x}/questions/${ids.question}/answer`,
    body: { answer: '可以' },
    wrongType: { answer: ['可以'] },
    wrongRole: forbidden('bidder1'),
    authenticated: true,
  },
  {
    name: 'amend',
    method: 'post',
    path: (x) => `${x}/amendments`,
    body: { summary: '更正' },
    wrongType: { summary: '更正', newDeadline: 'next week' },
    wrongRole: forbidden('bidder1'),
    authenticated: true,
  },
  {
    name: 'raise an objection',
    method: 'post',
    path: (x) => `${x}/objections`,
    body: { stage: 'documents', summary: '异议' },
    wrongType: { stage: 'later', summary: '异议' },
    wrongRole: forbidden('purchaser'),
    authenticated: true,
  },
  {
    name: 'answer an objection',
    method: 'post',
    path: (x) => `${x}/objections/${ids.objection}/answer`,
    body: { answer: '不成立', upheld: false },
    wrongType: { answer: '不成立', upheld: 'no' },
    wrongRole: forbidden('bidder2'),
    authenticated: true,
  },
  {
    name: 'list objections',
    method: 'get',
    path: (x) => `${x}/objections`,
    wrongRole: forbidden('expert1'),
    authenticated: true,
  },
  {
    name: 'submit a bid',
    method: 'post',
    path: (x) => `${x}/bids`,
    body: { bid: bidBody() },
    wrongType: { bid: { ...bidBody(), priceFen: 37.9 } },
    wrongRole: forbidden('purchaser'),
    authenticated: true,
  },
  {
    name: 'withdraw a bid',
    method: 'delete',
    path: (x) => `${x}/bids/${ids.bid}`,
    wrongRole: forbidden('purchaser'),
    authenticated: true,
  },
  {
    name: 'list receipts',
    method: 'get',
    path: (x) => `${x}/bids/${ids.bid}/receipts`,
    wrongRole: forbidden('purchaser'),
    authenticated: true,
  },
  {
    name: 'list bids',
    method: 'get',
    path: (x) => `${x}/bids`,
    wrongRole: { username: 'auditor', code: 'sealed_until_opening' },
    authenticated: true,
  },
  {
    name: 'close bidding',
    method: 'post',
    path: (x) => `${x}/close-bidding`,
    wrongRole: forbidden('bidder1'),
    authenticated: true,
  },
  {
    name: 'open',
    method: 'post',
    path: (x) => `${x}/open`,
    wrongRole: forbidden('bidder1'),
    authenticated: true,
  },
  {
    name: 'opening record',
    method: 'get',
    path: (x) => `${x}/opening`,
    wrongRole: null,
    authenticated: false,
  },
]

async function call(route: RouteCase, tender: string, username: string | null, body?: unknown) {
  const req = t.http[route.method](`/api/v1/tenders/${route.path(tender)}`)
  if (username) req.set('authorization', await bearer(t, username))
  return body === undefined ? req : req.send(body as object)
}

/** Someone the route would otherwise accept, so only the one defect is tested. */
const goodUser = (route: RouteCase) =>
  /answer|amend|close|open$/.test(route.name)
    ? 'purchaser'
    : route.name === 'list objections'
      ? 'purchaser'
      : 'bidder1'

describe.each(ROUTES)('$method $name', (route) => {
  it('refuses a malformed tender id with 400 validation_failed', async () => {
    const res = await call(route, 'not-an-id', goodUser(route), route.body)
    expect(problemOf(res)).toEqual({ status: 400, problemJson: true, code: 'validation_failed' })
  })

  it('answers an unknown tender with 404 not_found', async () => {
    const res = await call(route, newId('tnd'), goodUser(route), route.body)
    expect(problemOf(res)).toEqual({ status: 404, problemJson: true, code: 'not_found' })
  })

  // Only the checks that apply to the route are registered (a GET has no body to add a field to).
  if (route.method !== 'get') {
    it('refuses an unknown field with 400 validation_failed', async () => {
      const res = await call(route, ids.tender, goodUser(route), { ...route.body, sneaky: true })
      expect(problemOf(res)).toEqual({ status: 400, problemJson: true, code: 'validation_failed' })
    })
  }

  if (route.wrongType !== undefined) {
    it('refuses a field of the wrong type with 400 validation_failed', async () => {
      const res = await call(route, ids.tender, goodUser(route), route.wrongType)
      expect(problemOf(res)).toEqual({ status: 400, problemJson: true, code: 'validation_failed' })
    })
  }

  if (route.authenticated) {
    it('refuses a request without a token with 401 unauthenticated', async () => {
      const res = await call(route, ids.tender, null, route.body)
      expect(problemOf(res)).toEqual({ status: 401, problemJson: true, code: 'unauthenticated' })
    })
  }

  const wrongRole = route.wrongRole
  if (wrongRole !== null) {
    it('refuses the wrong role with 403', async () => {
      const res = await call(route, ids.tender, wrongRole.username, route.body)
      expect(problemOf(res)).toEqual({ status: 403, problemJson: true, code: wrongRole.code })
    })
  }
})

describe('after all of the above', () => {
  it('a garbage token is 401, not 500', async () => {
    const res = await t.http
      .get(`/api/v1/tenders/${ids.tender}/bids`)
      .set('authorization', 'Bearer not.a.jwt')
    expect(problemOf(res)).toEqual({ status: 401, problemJson: true, code: 'unauthenticated' })
  })

  it('nothing was written by any refused request', async () => {
    const before = await snapshotCounts(t)
    for (const route of ROUTES) {
      await call(route, 'not-an-id', goodUser(route), route.body)
      await call(route, ids.tender, goodUser(route), { ...route.body, sneaky: true })
      if (route.authenticated) await call(route, ids.tender, null, route.body)
      if (route.wrongRole) await call(route, ids.tender, route.wrongRole.username, route.body)
    }
    expect(await snapshotCounts(t)).toEqual(before)
  })
})
