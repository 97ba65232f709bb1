// Bad input anywhere gets application/problem+json with a stable code: never a 500, never a stack.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDraft, draftBody, eventCount } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let purchaser: string
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: 64 * 1024 })
  purchaser = `Bearer ${await t.token('purchaser')}`
})
afterAll(() => t.close())

function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.body).toMatchObject({ status, code, type: `https://youxuan.dev/problems/${code}` })
  expect(typeof res.body.title).toBe('string')
  expect(typeof res.body.detail).toBe('string')
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.ts:\d+/) // no stack traces
}

describe('problem responses', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    const res = await t.http
      .post('/api/v1/tenders')
      .set('authorization', purchaser)
      .set('content-type', 'application/json')
      .send('{"title": ')
    expectProblem(res, 400, 'malformed_json')
  })

  it('an unknown field → 400 validation_failed naming it, and nothing is written', async () => {
    const before = await eventCount(t)
    const res = await t.http
      .post('/api/v1/tenders')
      .set('authorization', purchaser)
      .send({ ...draftBody, colour: 'red' })
    expectProblem(res, 400, 'validation_failed')
    expect(JSON.stringify(res.body.errors)).toMatch(/colour|additional/)
    expect(await eventCount(t)).toBe(before)
  })

  it('a wrong type or a float price → 400 validation_failed', async () => {
    expectProblem(
      await t.http
        .post('/api/v1/tenders')
        .set('authorization', purchaser)
        .send({ ...draftBody, title: 42 }),
      400,
      'validation_failed',
    )
    expectProblem(
      await t.http
        .post('/api/v1/tenders')
        .set('authorization', purchaser)
        .send({ ...draftBody, estimatedValueFen: '12.5' }),
      400,
      'validation_failed',
    )
    expectProblem(
      await t.http
        .post('/api/v1/tenders')
        .set('authorization', purchaser)
        .send({ ...draftBody, estimatedValueFen: 1250 }),
      400,
      'validation_failed',
    )
  })

  it('an oversize body → 413 body_too_large', async () => {
    const res = await t.http
      .post('/api/v1/tenders')
      .set('authorization', purchaser)
      .send({ ...draftBody, description: 'x'.repeat(70 * 1024) })
    expectProblem(res, 413, 'body_too_large')
  })

  it('a bad id → 400, an unknown one → 404', async () => {
    expectProblem(await t.http.get('/api/v1/tenders/not-an-id'), 400, 'validation_failed')
    expectProblem(await t.http.get(`/api/v1/tenders/tnd_${'0'.repeat(32)}`), 404, 'not_found')
  })

  it('no token, a bad token, a wrong role → 401 / 401 / 403', async () => {
    expectProblem(await t.http.post('/api/v1/tenders').send(draftBody), 401, 'unauthenticated')
    expectProblem(
      await t.http.post('/api/v1/tenders').set('authorization', 'Bearer nonsense').send(draftBody),
      401,
      'unauthenticated',
    )
    expectProblem(
      await t.http.post('/api/v1/tenders').set('authorization', 'Basic abc').send(draftBody),
      401,
      'unauthenticated',
    )
    const bidder = `Bearer ${await t.token('bidder1')}`
    expectProblem(
      await t.http.post('/api/v1/tenders').set('authorization', bidder).send(draftBody),
      403,
      'forbidden',
    )
  })

  it('a token from another issuer key is refused', async () => {
    const token = await t.token('purchaser')
    const [header, payload] = token.split('.')
    const forged = `${header}.${payload}.${'A'.repeat(86)}`
    expectProblem(
      await t.http.get('/api/v1/me').set('authorization', `Bearer ${forged}`),
      401,
      'unauthenticated',
    )
  })

  it('an unsupported media type → 415, an empty JSON body → 400, an unknown route or method → 404', async () => {
    const postTender = (contentType: string, body: string) =>
      t.http
        .post('/api/v1/tenders')
        .set('authorization', purchaser)
        .set('content-type', contentType)
        .send(body)
    expectProblem(await postTender('text/plain', 'hello'), 415, 'unsupported_media_type')
    expectProblem(await postTender('application/json', ''), 400, 'malformed_json')
    expectProblem(await t.http.get('/api/v1/nowhere'), 404, 'route_not_found')
    expectProblem(await t.http.put('/api/v1/tenders'), 404, 'route_not_found')
  })

  it('router errors: a too-long path parameter → 414, a broken percent-escape → 400 bad_url', async () => {
    expectProblem(await t.http.get(`/api/v1/tenders/${'x'.repeat(5000)}`), 414, 'param_too_long')
    expectProblem(await t.http.get('/api/v1/tenders/%E0%A4%A'), 400, 'bad_url')
  })

  it('a request the HTTP parser refuses (oversize headers) → 431 problem+json on the socket', async () => {
    const port = await t.app.listen({ port: 0, host: '127.0.0.1' }).then((url) => new URL(url).port)
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      )
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk
      })
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 431 /)
    expect(raw).toMatch(/content-type: application\/problem\+json/i)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'headers_too_large',
    })
  })

  it('a malformed If-Match → 400 invalid_if_match', async () => {
    const id = await createDraft(t)
    const res = await t.http
      .patch(`/api/v1/tenders/${id}`)
      .set('authorization', purchaser)
      .set('if-match', 'yesterday')
      .send({ title: 'x' })
    expectProblem(res, 400, 'invalid_if_match')
  })
})

describe('platform routes', () => {
  it('/health reports the database in use', async () => {
    const res = await t.http.get('/health')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      databaseReachable: true,
    })
  })

  it('/openapi.json lists every route with an operationId and tags, and /docs serves the UI', async () => {
    const doc = (await t.http.get('/openapi.json')).body
    expect(doc.openapi).toBe('3.1.0')
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy()
        expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0)
      }
    }
    const docs = await t.http.get('/docs/').redirects(1)
    expect(docs.status).toBe(200)
    expect(docs.text).toMatch(/swagger/i)
  })

  it('dev login issues a token that /me accepts', async () => {
    const login = await t.http.post('/api/v1/auth/dev-login').send({ username: 'bidder3' })
    expect(login.status).toBe(200)
    const me = await t.http.get('/api/v1/me').set('authorization', `Bearer ${login.body.token}`)
    expect(me.body).toMatchObject({ username: 'bidder3', roles: ['bidder'] })
    expect(me.body.orgUscc).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
    expectProblem(await t.http.post('/api/v1/auth/dev-login').send({ username: 'nobody' }), 404, 'not_found')
  })
})
