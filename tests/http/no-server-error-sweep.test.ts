// A sweep over every route in the OpenAPI document with bad ids, bad bodies and every kind of caller,
// then with bad text (NUL, a lone surrogate, huge) and bad date-times in every string field the document
// declares: whatever we send, the answer is never a 5xx, and every error is application/problem+json.
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

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  format?: string
  examples?: unknown[]
  default?: unknown
  const?: unknown
  enum?: unknown[]
  minimum?: number
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

/** What a string field must never crash on; date-times also get what a Date cannot hold. */
function badStrings(schema: JsonSchema): string[] {
  const bad = ['t\u0000', 't\ud800', '\udc00', 'x'.repeat(100_000)]
  return schema.format === 'date-time' ? [...bad, '2027-06-30T23:59:60Z', '2027-06-30T23:59:59+08'] : bad
}

/** A plausible value for a schema: its example, default or first choice, else one of its type. */
function sample(schema: JsonSchema): unknown {
  if (schema.examples?.length) return schema.examples[0]
  if (schema.default !== undefined) return schema.default
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0]
  if (choice) return sample(choice)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'object')
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, p]) => [k, sample(p)]))
  if (type === 'array') return schema.items ? [sample(schema.items)] : []
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1
  if (type === 'boolean') return true
  if (schema.format === 'date-time') return '2026-04-30T09:00:00.000Z'
  return type === 'string' ? 'x' : null
}

/** Documents of `schema` with one string field (in any alternative, at any depth) made bad. */
function poisoned(schema: JsonSchema): unknown[] {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return alternatives.flatMap(poisoned)
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.includes('string')) return badStrings(schema)
  if (types.includes('array') && schema.items) return poisoned(schema.items).map((bad) => [bad])
  const base = sample(schema) as Record<string, unknown>
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
    poisoned(property).map((bad) => ({ ...base, [key]: bad })),
  )
}

/** A URL cannot carry a lone surrogate: its UTF-8-like bytes (invalid UTF-8) are sent instead. */
const inQuery = (value: string) => (value.isWellFormed() ? encodeURIComponent(value) : '%ED%A0%80')

/** A NUL, a parameter past the router's length limit, a broken percent-escape. */
const BAD_PATH_SEGMENTS = ['%00', 'x'.repeat(5000), '%E0%A4%A']

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

describe('no string or date-time field crashes the server', () => {
  it('with NUL, lone surrogates, huge text and leap seconds in every body, query and path field', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> }
    const tokens = await Promise.all(['purchaser', 'bidder1', 'operator'].map((u) => t.token(u)))
    let requests = 0
    const expectNoServerError = (
      res: { status: number; headers: Record<string, string>; body: { code?: string } },
      what: string,
    ) => {
      requests++
      expect(res.status, what).toBeLessThan(500)
      if (res.status >= 400) {
        expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/)
        expect(res.body.code, what).toMatch(/^[a-z_]+$/)
      }
    }
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (template.startsWith('/docs')) continue
      const url = template.replace(/\{[a-zA-Z]+\}/g, (m) => (m === '{id}' ? realTender : newId('bid')))
      for (const [method, op] of Object.entries(methods)) {
        const send = (path: string, token: string, body?: unknown) => {
          const req = t.http[method as 'get' | 'post' | 'patch' | 'delete'](path).set(
            'authorization',
            `Bearer ${token}`,
          )
          return body === undefined ? req : req.send(body as object)
        }
        const bodySchema = op.requestBody?.content['application/json']?.schema
        const params = op.parameters ?? []
        for (const token of tokens) {
          for (const body of bodySchema ? poisoned(bodySchema) : [])
            expectNoServerError(
              await send(url, token, body),
              `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`,
            )
          for (const query of params.filter((p) => p.in === 'query')) {
            for (const bad of poisoned(query.schema)) {
              const path = `${url}?${query.name}=${inQuery(String(bad))}`
              expectNoServerError(await send(path, token), `${method} ${path.slice(0, 120)}`)
            }
          }
          for (const param of params.filter((p) => p.in === 'path')) {
            for (const bad of BAD_PATH_SEGMENTS) {
              const path = template.replace(`{${param.name}}`, bad).replace(/\{[a-zA-Z]+\}/g, realTender)
              expectNoServerError(
                await send(path, token, bodySchema ? sample(bodySchema) : undefined),
                `${method} ${path.slice(0, 120)}`,
              )
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(500)
  }, 120_000)
})
