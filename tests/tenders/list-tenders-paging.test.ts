// GET /api/v1/tenders pages with limit and offset, both optional: the document says so (with their
// defaults), and the server answers a bare request with the first page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublished } from '../support/tender-fixtures.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema: { default?: unknown }
}

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('listTenders paging', () => {
  it('documents limit and offset as optional, with their defaults', () => {
    const doc = t.app.swagger() as { paths: Record<string, { get: { parameters: Parameter[] } }> }
    const query = doc.paths['/api/v1/tenders']!.get.parameters.filter((p) => p.in === 'query')
    const byName = new Map(query.map((p) => [p.name, p]))
    expect(byName.get('limit')).toMatchObject({ required: false, schema: { default: 50 } })
    expect(byName.get('offset')).toMatchObject({ required: false, schema: { default: 0 } })
  })

  it('answers without limit and offset, and pages with them', async () => {
    const ids = [await createPublished(t), await createPublished(t)]
    const bare = await t.http.get('/api/v1/tenders')
    expect(bare.status).toBe(200)
    expect(bare.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort())
    const second = await t.http.get('/api/v1/tenders?limit=1&offset=1')
    expect(second.status).toBe(200)
    expect(second.body.items).toHaveLength(1)
  })
})
