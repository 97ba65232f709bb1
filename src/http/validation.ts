// Request validation: bodies are checked strictly (no type coercion: "1250" and 1250 are different),
// while path, query and headers, which arrive as text, are coerced to the schema's types.
import { Ajv, type Options } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

// multipleOfPrecision: without it Ajv refuses e.g. 0.29 as a multiple of 0.01 (binary floating point).
const common: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  strict: false,
  multipleOfPrecision: 9,
}

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes })
  addFormats(ajv)
  return ajv
}

export function createValidatorCompiler(sharedSchemas: readonly object[]): FastifySchemaCompiler<object> {
  const strict = makeAjv(false)
  const coercing = makeAjv('array')
  for (const schema of sharedSchemas) {
    strict.addSchema(schema)
    coercing.addSchema(schema)
  }
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema)
}
