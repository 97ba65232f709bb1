// Test-only: the operations of the generated OpenAPI document, and a request each one accepts (path
// parameters and a body built from the schema and its examples), so tests can walk every route.
import { ID_PATTERN, newId } from '../../src/shared/ids.ts'

export interface Schema {
  type?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  examples?: unknown[]
  default?: unknown
  format?: string
  pattern?: string
  minimum?: number
  minItems?: number
  minLength?: number
  minProperties?: number
}

export interface Operation {
  operationId: string
  parameters?: { in: string; name: string; required?: boolean }[]
  requestBody?: { content: Record<string, { schema: Schema }> }
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }
  >
}

export interface WalkedOperation {
  readonly method: string
  readonly path: string
  readonly op: Operation
}

export type Document = { paths: Record<string, Record<string, Operation>> }

const MUTATING = new Set(['post', 'put', 'patch', 'delete'])

/** Every operation that changes something (POST, PUT, PATCH, DELETE), in document order. */
export function mutatingOperations(doc: Document): WalkedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => MUTATING.has(method))
      .map(([method, op]) => ({ method, path, op })),
  )
}

export const headerParameter = (op: Operation, name: string) =>
  op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === name) ?? false

/** The URL with {id} as the given tender, {round} as round 1, and every other path parameter a well-formed, unknown id. */
export function urlOf(path: string, tenderId: string): string {
  const sample = (name: string) => (name === 'id' ? tenderId : name === 'round' ? '1' : newId('tst'))
  return path.replace(/\{(\w+)\}/g, (_, name: string) => sample(name))
}

/** A value the schema accepts: its example where it has one, else the least that satisfies it. */
export function sampleOf(schema: Schema): unknown {
  if (schema.examples?.length) return schema.examples[0]
  if (schema.default !== undefined) return schema.default
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives?.[0]) return sampleOf(alternatives[0])
  switch (schema.type) {
    case 'object':
      return sampleObject(schema)
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleOf(schema.items ?? {}))
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    default:
      return sampleString(schema)
  }
}

function sampleObject(schema: Schema): Record<string, unknown> {
  const properties = Object.entries(schema.properties ?? {})
  const required = new Set(schema.required ?? [])
  const chosen = properties.filter(([name]) => required.has(name))
  // A body with nothing required but a minimum (an edit) takes the first properties it lists.
  for (const entry of properties) {
    if (chosen.length >= (schema.minProperties ?? 0)) break
    if (!chosen.includes(entry)) chosen.push(entry)
  }
  return Object.fromEntries(chosen.map(([name, property]) => [name, sampleOf(property)]))
}

function sampleString(schema: Schema): string {
  if (schema.format === 'date-time') return '2030-01-07T01:30:00Z'
  if (schema.pattern === ID_PATTERN) return newId('tst')
  return '样'.repeat(Math.max(1, schema.minLength ?? 1))
}

/** The JSON body the operation takes, or undefined when it takes none. */
export function sampleBody(op: Operation): unknown {
  const schema = op.requestBody?.content['application/json']?.schema
  return schema ? sampleOf(schema) : undefined
}
