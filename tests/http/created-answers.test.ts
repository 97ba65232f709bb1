// Every command that creates something answers one shape: 201, { id, tenderId, version, … } with the
// version as ETag, and a Location header that reads the created thing back. The commands come from the
// OpenAPI document (every 201), so a new one must bring its scenario here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideAndPublish, openMeeting, reachAwarding } from '../award/support.ts'
import { bidBody } from '../support/bidding.ts'
import { createPublished, draftBody } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type Document, mutatingOperations } from './openapi-walk.ts'

/** Created things without a URL of their own, and why. */
const NO_LOCATION: Record<string, string> = {
  issueAwardNotice: 'the notice is read as its signed record, listed under …/records once rendered',
}

interface Scenario {
  /** The tender the command acts on (null: it creates one), as it must be for the command to apply. */
  readonly tender: (t: TestApp) => Promise<string | null>
  readonly username: string
  readonly path: string
  readonly body?: Record<string, unknown>
  /** The field of the read-back that holds the id, where it is not `id`. */
  readonly readId?: string
}

const SCENARIOS: Record<string, Scenario> = {
  createTender: { tender: async () => null, username: 'purchaser', path: '', body: draftBody },
  submitBid: { tender: createPublished, username: 'bidder1', path: '/bids', body: { bid: bidBody() } },
  askQuestion: {
    tender: createPublished,
    username: 'bidder1',
    path: '/questions',
    body: { question: '问题' },
  },
  raiseObjection: {
    tender: createPublished,
    username: 'bidder1',
    path: '/objections',
    body: { stage: 'documents', summary: '资格条件排斥潜在投标人' },
  },
  amendTender: {
    tender: createPublished,
    username: 'purchaser',
    path: '/amendments',
    body: { summary: '更正工程量清单' },
    readId: 'amendmentId',
  },
  issueAwardNotice: {
    tender: async (t) => {
      const { tenderId, candidates } = await reachAwarding(t)
      await decideAndPublish(t, tenderId, await openMeeting(t, tenderId), candidates[0]!)
      return tenderId
    },
    username: 'purchaser',
    path: '/award-notice',
  },
}

let t: TestApp
let doc: Document
beforeAll(async () => {
  t = await startTestApp()
  doc = t.app.swagger() as unknown as Document
})
afterAll(() => t.close())

const creating = () => mutatingOperations(doc).filter(({ op }) => '201' in op.responses)

describe('created answers', () => {
  it('are documented alike: id, tenderId and version required, and a Location header', () => {
    expect(
      creating()
        .map(({ op }) => op.operationId)
        .sort(),
    ).toEqual(Object.keys(SCENARIOS).sort())
    for (const { op } of creating()) {
      const created = op.responses['201']!
      const schema = created.content?.['application/json']?.schema
      expect(schema?.required, op.operationId).toEqual(expect.arrayContaining(['id', 'tenderId', 'version']))
      expect(created.headers !== undefined, `${op.operationId} documents Location`).toBe(
        !(op.operationId in NO_LOCATION),
      )
    }
  })

  it.each(Object.entries(SCENARIOS))(
    '%s answers 201 with the shape, and Location reads it back',
    async (name, s) => {
      const tenderId = await s.tender(t)
      const auth = `Bearer ${await t.token(s.username)}`
      const request = t.http
        .post(`/api/v1/tenders${tenderId ? `/${tenderId}` : ''}${s.path}`)
        .set('authorization', auth)
      const res = await (s.body ? request.send(s.body) : request)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body).toMatchObject({ id: expect.any(String), tenderId: tenderId ?? res.body.id })
      expect(res.headers.etag).toBe(`"${res.body.version}"`)
      expect(res.body).not.toHaveProperty('result')
      if (name in NO_LOCATION) {
        expect(res.headers.location).toBeUndefined()
        return
      }
      expect(res.headers.location).toMatch(new RegExp(`^/api/v1/tenders/.*${res.body.id}$`))
      const read = await t.http.get(res.headers.location!).set('authorization', auth)
      expect(read.status).toBe(200)
      expect(read.body[s.readId ?? 'id']).toBe(res.body.id)
    },
  )
})
