// Every command on a tender takes If-Match and refuses a stale version with 412, recording nothing.
// The routes come from the OpenAPI document, so a new one is walked (or must be excused) by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findTender } from '../../src/tenders/tender-repository.ts'
import { openMeeting, reachAwarding, usernameOf } from '../award/support.ts'
import { eventCount } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'
import { type Document, headerParameter, mutatingOperations, sampleBody, urlOf } from './openapi-walk.ts'

/** Changes that are not commands on a tender's version: none takes If-Match or advertises 412. */
const WITHOUT_IF_MATCH: Record<string, string> = {
  createTender: 'creates the tender stream: there is no version to match yet',
  submitBid:
    "writes the bid's own stream, not the tender's: bids are taken side by side while the tender moves (the deadline rush), under the bidding window and Idempotency-Key",
  withdrawBid: "writes the bid's own stream, like submitBid",
  devLogin: 'issues a token and touches no tender',
  verifyReceipt: 'checks a receipt and records nothing',
  verifyRecord: 'checks a record and records nothing',
  advanceSandboxClock:
    'moves the sandbox clock; the timers that fire then act as the platform, on no client version',
}

let t: TestApp
let doc: Document
let tenderId: string
/** One user of each relation a command can ask for, on a tender that has both committees. */
let actors: string[]
beforeAll(async () => {
  t = await startTestApp()
  doc = t.app.swagger() as unknown as Document
  ;({ tenderId } = await reachAwarding(t))
  const members = await openMeeting(t, tenderId)
  const experts = (await findTender(t.database.db, tenderId)).context.expertCommittee
  actors = ['operator', 'supervisor', 'purchaser', 'bidder1', usernameOf(experts[0]!), members[0]!]
})
afterAll(() => t.close())

const commands = () => mutatingOperations(doc).filter(({ op }) => !(op.operationId in WITHOUT_IF_MATCH))

const recorded = async () => ({
  version: (await findTender(t.database.db, tenderId)).version,
  events: await eventCount(t),
})

describe('If-Match on every command', () => {
  it('is taken by every change to a tender, and the routes that do not take it are listed with a reason', () => {
    for (const { path, op } of commands()) {
      expect(path, op.operationId).toMatch(/^\/api\/v1\/tenders\/\{id\}/)
      expect(headerParameter(op, 'if-match'), `${op.operationId} documents If-Match`).toBe(true)
      expect(Object.keys(op.responses), `${op.operationId} advertises 412`).toContain('412')
    }
    const excused = mutatingOperations(doc).filter(({ op }) => op.operationId in WITHOUT_IF_MATCH)
    expect(excused.map(({ op }) => op.operationId).sort()).toEqual(Object.keys(WITHOUT_IF_MATCH).sort())
    for (const { op } of excused) {
      expect(headerParameter(op, 'if-match'), op.operationId).toBe(false)
      expect(Object.keys(op.responses), op.operationId).not.toContain('412')
    }
  })

  it('refuses a stale version with 412 problem+json on every command route, recording nothing', async () => {
    const before = await recorded()
    const stale = `"${before.version - 1}"`
    expect(commands().length).toBeGreaterThan(25)
    for (const { method, path, op } of commands()) {
      const answers: Record<string, number> = {}
      for (const username of actors) {
        const request = t.http[method as 'post'](urlOf(path, tenderId))
          .set('authorization', `Bearer ${await t.token(username)}`)
          .set('if-match', stale)
        const body = sampleBody(op)
        const res = await (body === undefined ? request : request.send(body as object))
        answers[username] = res.status
        expect(res.type, `${op.operationId} as ${username}`).toBe('application/problem+json')
        if (res.status === 412) expect(res.body.code, op.operationId).toBe('version_mismatch')
      }
      // Those the command is not for are refused first (403/404); whoever may send it learns the version.
      const statuses = Object.values(answers)
      expect(
        statuses.every((s) => [403, 404, 412].includes(s)),
        `${op.operationId}: ${JSON.stringify(answers)}`,
      ).toBe(true)
      expect(statuses, `${op.operationId}: ${JSON.stringify(answers)}`).toContain(412)
      expect(await recorded(), op.operationId).toEqual(before)
    }
  })
})
