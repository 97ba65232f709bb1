// Which bid body the server takes, read from its OpenAPI document as a bidder's tool would: the sealed
// {jwe} when offered (the recommended mode), else the convenience {bid}, else the bare bid content.
import { field, type HttpClient } from './http-client.ts'
import type { BidMode } from './plan.ts'

type Schema = Record<string, unknown>

/** Property names anywhere in a schema (through allOf/anyOf/oneOf and local $refs), a few levels deep. */
function propertyNames(schema: unknown, document: unknown, depth = 0): Set<string> {
  const names = new Set<string>()
  if (depth > 4 || typeof schema !== 'object' || schema === null) return names
  const s = schema as Schema
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) {
    const target = s.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => field(node, key), document)
    return propertyNames(target, document, depth + 1)
  }
  for (const name of Object.keys((s.properties as Schema | undefined) ?? {})) names.add(name)
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const parts = s[key]
    if (!Array.isArray(parts)) continue
    for (const part of parts) for (const name of propertyNames(part, document, depth + 1)) names.add(name)
  }
  return names
}

export async function detectBidMode(client: HttpClient): Promise<BidMode> {
  const reply = await client.request('GET', '/openapi.json')
  if (reply.status !== 200) throw new Error(`GET /openapi.json: ${reply.status}`)
  const post = field(field(field(reply.body, 'paths'), '/api/v1/tenders/{id}/bids'), 'post')
  const schema = field(field(field(field(post, 'requestBody'), 'content'), 'application/json'), 'schema')
  const names = propertyNames(schema, reply.body)
  if (names.has('jwe')) return 'jwe'
  if (names.has('bid')) return 'bid'
  return 'raw'
}
