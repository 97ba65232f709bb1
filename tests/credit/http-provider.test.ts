// The HTTP credit provider against a real HTTP server started here: a correct answer, a slow one, 500s,
// garbage, the wrong shape, the wrong subject; retries with backoff, the circuit breaker (open, then
// half-open on the clock), the cache, the auth header and a custom field mapping.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_HTTP_MAPPING, type HttpFieldMapping } from '../../src/credit/http-mapping.ts'
import { type HttpProviderOptions, httpCreditProvider } from '../../src/credit/http-provider.ts'
import { manualClock } from '../../src/shared/clock.ts'
import { answerFor, BANNED, type CreditServer, json, startCreditServer } from './support.ts'

let server: CreditServer
beforeAll(async () => {
  server = await startCreditServer(answerFor())
})
afterAll(() => server.close())

const AT = new Date('2026-03-23T01:30:00.000Z')

function provider(overrides: Partial<HttpProviderOptions> = {}) {
  const clock = manualClock('2026-03-02T01:30:00.000Z')
  const sleeps: number[] = []
  const options: HttpProviderOptions = {
    id: 'http',
    name: 'test source',
    urlTemplate: `${server.url}/subjects/{uscc}?at={at}`,
    authHeader: { name: 'Authorization', value: 'Bearer test-secret' },
    mapping: DEFAULT_HTTP_MAPPING,
    notFoundMeansNoRecords: false,
    timeoutMs: 2000,
    retries: 2,
    backoffMs: 10,
    failureThreshold: 3,
    resetAfterMs: 30_000,
    cacheTtlMs: 0,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...overrides,
  }
  return { p: httpCreditProvider(options), clock, sleeps }
}

/** Requests the server saw since `before`. */
const since = (before: number) => server.hits.length - before

describe('the HTTP credit provider', () => {
  it('reads a correct answer: hits, source, raw-response hash; sends the auth header', async () => {
    const body = {
      uscc: BANNED,
      subjectName: '禁投企业',
      lists: [
        { list: 'biddingBan', reference: '佛建禁〔2025〕3号', startsOn: '2025-06-01', endsOn: '2027-05-31' },
      ],
      penalties: [{ reference: '罚1', decidedOn: '2025-09-10T02:00:00Z', detail: '罚款' }],
      rating: { grade: 'B', authority: '佛山市住建局', asOf: '2025-12-31' },
    }
    server.behave(json(200, body))
    const { p } = provider()
    const answer = await p.lookup(BANNED, AT)
    expect(answer).toMatchObject({
      status: 'ok',
      problem: null,
      source: { id: 'http', kind: 'http', name: 'test source' },
      subjectName: '禁投企业',
      lists: [{ list: 'biddingBan', reference: '佛建禁〔2025〕3号', endsOn: '2027-05-31', authority: null }],
      penalties: [{ reference: '罚1', decidedOn: '2025-09-10' }],
      rating: { grade: 'B' },
      queriedAt: '2026-03-02T01:30:00.000Z',
      at: AT.toISOString(),
    })
    expect(answer.rawSha256).toBe(createHash('sha256').update(JSON.stringify(body)).digest('hex'))
    expect(server.hits.at(-1)).toBe(`/subjects/${BANNED}?at=${encodeURIComponent(AT.toISOString())}`)
    expect(server.headers.at(-1)?.authorization).toBe('Bearer test-secret')
  })

  it('records a slow source as timed_out after its retries, never as clean', async () => {
    server.behave(json(200, { uscc: BANNED, lists: [], penalties: [] }, 400))
    const { p, sleeps } = provider({ timeoutMs: 50, retries: 1 })
    const before = server.hits.length
    const answer = await p.lookup(BANNED, AT)
    expect(answer).toMatchObject({ status: 'timed_out', lists: [], rawSha256: null })
    expect(since(before)).toBe(2)
    expect(sleeps).toEqual([10])
  })

  it('retries a 500 with exponential backoff, then records it as unavailable with the response hash', async () => {
    server.behave(json(500, 'oops'))
    const { p, sleeps } = provider()
    const before = server.hits.length
    const answer = await p.lookup(BANNED, AT)
    expect(answer).toMatchObject({ status: 'unavailable', problem: 'the source answered HTTP 500' })
    expect(answer.rawSha256).toBe(createHash('sha256').update('oops').digest('hex'))
    expect(since(before)).toBe(3)
    expect(sleeps).toEqual([10, 20])
  })

  it('recovers when a retry succeeds', async () => {
    let calls = 0
    server.behave((request, response) => {
      calls += 1
      if (calls === 1) json(503, 'busy')(request, response)
      else answerFor()(request, response)
    })
    const answer = await provider().p.lookup(BANNED, AT)
    expect(answer.status).toBe('ok')
    expect(calls).toBe(2)
  })

  it.each([
    ['garbage', 'this is <html> not json', /not JSON/],
    ['the wrong shape', { uscc: BANNED, lists: 'none', penalties: [] }, /lists \(lists\) is not a list/],
    ['a missing list', { uscc: BANNED, penalties: [] }, /is not a list/],
    [
      'an unknown list',
      { uscc: BANNED, lists: [{ list: 'blacklist', reference: 'x' }], penalties: [] },
      /unknown list/,
    ],
    [
      'a bad date',
      { uscc: BANNED, lists: [{ list: 'biddingBan', reference: 'x', endsOn: 'soon' }], penalties: [] },
      /not a date/,
    ],
    [
      'another subject',
      { uscc: '91440101MA5CJQ4N59', lists: [], penalties: [] },
      /is about 91440101MA5CJQ4N59/,
    ],
  ])('records %s as malformed, without retrying', async (_what, body, problem) => {
    server.behave(json(200, body))
    const before = server.hits.length
    const answer = await provider().p.lookup(BANNED, AT)
    expect(answer.status).toBe('malformed')
    expect(answer.problem).toMatch(problem)
    expect(answer.lists).toEqual([])
    expect(since(before)).toBe(1)
  })

  it('treats a 404 as unusable unless the source is configured to mean "no records" by it', async () => {
    server.behave(json(404, { error: 'not found' }))
    expect((await provider().p.lookup(BANNED, AT)).status).toBe('unavailable')
    const noRecords = await provider({ notFoundMeansNoRecords: true }).p.lookup(BANNED, AT)
    expect(noRecords).toMatchObject({ status: 'ok', lists: [], penalties: [] })
  })

  it('opens the circuit after repeated failures, half-opens after the reset time, closes on success', async () => {
    server.behave(json(500, 'down'))
    const { p, clock } = provider({ retries: 0, failureThreshold: 3, resetAfterMs: 30_000 })
    const before = server.hits.length
    for (let i = 0; i < 3; i++) expect((await p.lookup(BANNED, AT)).status).toBe('unavailable')
    expect(since(before)).toBe(3)
    // open: answered at once, the source is not asked
    const open = await p.lookup(BANNED, AT)
    expect(open).toMatchObject({ status: 'circuit_open' })
    expect(open.problem).toContain('2026-03-02T01:30:30.000Z')
    expect(since(before)).toBe(3)
    // half-open after the reset: one trial; it fails, so the circuit opens again
    clock.advance(30_000)
    expect((await p.lookup(BANNED, AT)).status).toBe('unavailable')
    expect(since(before)).toBe(4)
    expect((await p.lookup(BANNED, AT)).status).toBe('circuit_open')
    // the next trial succeeds: closed again
    clock.advance(30_000)
    server.behave(answerFor())
    expect((await p.lookup(BANNED, AT)).status).toBe('ok')
    expect((await p.lookup(BANNED, AT)).status).toBe('ok')
    expect(since(before)).toBe(6)
  })

  it('lets only one trial through while half-open', async () => {
    server.behave(json(500, 'down'))
    const { p, clock } = provider({ retries: 0, failureThreshold: 1 })
    await p.lookup(BANNED, AT)
    clock.advance(30_000)
    server.behave(answerFor({}))
    const [first, second] = await Promise.all([p.lookup(BANNED, AT), p.lookup(BANNED, AT)])
    expect([first.status, second.status].sort()).toEqual(['circuit_open', 'ok'])
  })

  it('caches good answers for the TTL (on the clock), never failures', async () => {
    server.behave(answerFor())
    const { p, clock } = provider({ cacheTtlMs: 60_000 })
    const before = server.hits.length
    const first = await p.lookup(BANNED, AT)
    clock.advance(59_000)
    const second = await p.lookup(BANNED, AT)
    expect(second).toEqual(first) // the same answer, with the time it was given
    expect(since(before)).toBe(1)
    clock.advance(1_000) // fresh while its age is at most the TTL (lru-cache's rule)
    await p.lookup(BANNED, AT)
    expect(since(before)).toBe(1)
    clock.advance(1)
    await p.lookup(BANNED, AT)
    expect(since(before)).toBe(2)
    server.behave(json(500, 'down'))
    const failing = provider({ cacheTtlMs: 60_000, retries: 0 }).p
    await failing.lookup(BANNED, AT)
    await failing.lookup(BANNED, AT)
    expect(since(before)).toBe(4)
  })

  it('reads a source of another shape through a field mapping', async () => {
    server.behave(
      json(200, {
        code: 0,
        data: {
          creditCode: BANNED,
          entName: '禁投企业',
          records: [{ type: '限制投标', docNo: 'X-1', org: '某局', from: '2025-01-01', to: '2027-01-01' }],
          punishments: [{ docNo: 'P-1', date: '2025-05-05' }],
          level: 'A',
        },
      }),
    )
    const mapping: HttpFieldMapping = {
      uscc: 'data.creditCode',
      subjectName: 'data.entName',
      lists: {
        path: 'data.records',
        kind: 'type',
        kindValues: { 限制投标: 'biddingBan' },
        reference: 'docNo',
        authority: 'org',
        startsOn: 'from',
        endsOn: 'to',
      },
      penalties: { path: 'data.punishments', reference: 'docNo', decidedOn: 'date' },
      rating: { grade: 'data.level' },
    }
    const answer = await provider({ mapping }).p.lookup(BANNED, AT)
    expect(answer).toMatchObject({
      status: 'ok',
      subjectName: '禁投企业',
      lists: [
        {
          list: 'biddingBan',
          reference: 'X-1',
          authority: '某局',
          startsOn: '2025-01-01',
          endsOn: '2027-01-01',
        },
      ],
      penalties: [{ reference: 'P-1', decidedOn: '2025-05-05' }],
      rating: { grade: 'A', authority: null, asOf: null },
    })
  })

  it('records a refused connection as unavailable', async () => {
    const closed = await startCreditServer(answerFor())
    const url = closed.url
    await closed.close()
    const answer = await provider({ urlTemplate: `${url}/subjects/{uscc}`, retries: 0 }).p.lookup(BANNED, AT)
    expect(answer.status).toBe('unavailable')
    expect(answer.problem).toMatch(/the request failed/)
  })
})
