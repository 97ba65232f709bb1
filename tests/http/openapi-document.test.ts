// The generated OpenAPI document is valid OpenAPI 3.1, every operation is documented, and the
// committed openapi/openapi.json is what the routes generate (CI also runs `npm run openapi:check`).
import fs from 'node:fs'
import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/test-app.ts'

let t: TestApp
let doc: Record<string, unknown> & { paths: Record<string, Record<string, Operation>> }
beforeAll(async () => {
  t = await startTestApp()
  doc = t.app.swagger() as typeof doc
})
afterAll(() => t.close())

interface Operation {
  operationId?: string
  tags?: string[]
  summary?: string
  requestBody?: { content: Record<string, { schema: unknown }> }
  responses?: Record<string, unknown>
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  )

const hasExample = (schema: unknown): boolean =>
  typeof schema === 'object' &&
  schema !== null &&
  ('examples' in schema || 'example' in schema || Object.values(schema).some(hasExample))

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy()
  })

  it('gives every operation a unique operationId, tags, a summary and error responses', () => {
    const ids = operations().map(({ op }) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { name, op } of operations()) {
      expect(op.operationId, name).toMatch(/^[a-z][A-Za-z]+$/)
      expect(op.tags?.length, name).toBeGreaterThan(0)
      expect(op.summary?.length, name).toBeGreaterThan(5)
      expect(
        Object.keys(op.responses ?? {}).some((code) => /^[45]/.test(code)),
        name,
      ).toBe(true)
    }
  })

  it('gives every request body an example', () => {
    for (const { name, op } of operations()) {
      if (!op.requestBody) continue
      expect(hasExample(op.requestBody), name).toBe(true)
    }
  })

  it('matches the committed openapi/openapi.json', () => {
    const committed = JSON.parse(fs.readFileSync('openapi/openapi.json', 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(doc)))
  })
})
