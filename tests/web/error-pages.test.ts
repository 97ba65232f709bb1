// A page that fails answers with the 500 page in the layout and the request id; the error's text and
// stack stay in the log. A refusal nobody catches is a page in the user's language too.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { Conflict } from '../../src/shared/errors.ts'
import { registerPageFoundation } from '../../src/web/page-foundation.ts'

async function pagesThatFail() {
  const logged: unknown[] = []
  const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } })
  await app.register(async (pages) => {
    await registerPageFoundation(pages, { findSession: async () => null })
    pages.get('/broken', async () => {
      throw new Error('database password is hunter2')
    })
    pages.get('/refused', async () => {
      throw new Conflict('someone else changed it', {}, 'conflict')
    })
  })
  return { app, logged }
}

describe('error pages', () => {
  it('show a 500 page with the request id and never the error', async () => {
    const { app, logged } = await pagesThatFail()
    const answer = await app.inject({ method: 'GET', url: '/broken', headers: { accept: 'text/html' } })
    expect(answer.statusCode).toBe(500)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.body).toContain('<h1>系统出错</h1>')
    expect(answer.body).toContain('请求编号 req-1')
    expect(answer.body).not.toMatch(/hunter2|at .*:\d+:\d+/)
    expect(logged.join('')).toContain('hunter2')
    await app.close()
  })

  it('word an uncaught refusal in the user language', async () => {
    const { app } = await pagesThatFail()
    const answer = await app.inject({
      method: 'GET',
      url: '/refused?lang=en',
      headers: { accept: 'text/html' },
    })
    expect(answer.statusCode).toBe(409)
    expect(answer.body).toContain('Someone changed this tender a moment ago; reload and try again')
    await app.close()
  })
})
