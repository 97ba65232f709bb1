// A sweep over every route in the OpenAPI document with bad ids, bad bodies and every kind of caller:
// whatever we send, the answer is never a 5xx, and every error is application/problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../src/shared/ids.ts'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let realTender: string
beforeAll(async () => {
  t = await startTestApp()
  realTender = await createPublished(t)
})
afterAll(() => t.close())

const BODIES: (string | undefined)[] = [
  undefined,
  '{}',
  '{"unexpected":true}',
  '[1,2]',
  '{"broken": ',
  'null',
]

describe('no route answers with a server error', () => {
  it('for bad ids, bad bodies, no token and the wrong roles', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> }
    const tokens = [null, await t.token('purchaser'), await t.token('bidder1'), await t.token('auditor')]
    const ids = ['not-an-id', newId('tnd'), realTender]
    let requests = 0
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (template.startsWith('/docs')) continue
      for (const method of Object.keys(methods)) {
        for (const id of ids) {
          const url = template.replace(/\{[a-zA-Z]+\}/g, (m) => (m === '{id}' ? id : newId('bid')))
          for (const token of tokens) {
            for (const body of method === 'get' ? [undefined] : BODIES) {
              let req = t.http[method as 'get' | 'post' | 'patch' | 'delete'](url)
              if (token) req = req.set('authorization', `Bearer ${token}`)
              if (body !== undefined) req = req.set('content-type', 'application/json').send(body)
              const res = await req
              requests++
              expect(res.status, `${method.toUpperCase()} ${url} ${body ?? ''}`).toBeLessThan(500)
              if (res.status >= 400) {
                expect(res.headers['content-type'], `${method} ${url}`).toMatch(/^application\/problem\+json/)
                expect(res.body.code, `${method} ${url}`).toMatch(/^[a-z_]+$/)
              }
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(500)
  }, 120_000)
})
