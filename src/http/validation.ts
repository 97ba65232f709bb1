// Request validation: bodies are checked strictly (no type coercion: "1250" and 1250 are different),
// while path, query and headers, which arrive as text, are coerced to the schema's types. Every part
// of every request is also refused when it holds text the database cannot store.
import { Ajv, type Options, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import type { FastifySchemaCompiler } from 'fastify'
import { InvalidInput } from '../shared/errors.ts'
import { describeFault, findUnstorableText } from '../shared/storable-text.ts'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

// multipleOfPrecision: without it Ajv refuses e.g. 0.29 as a multiple of 0.01 (binary floating point).
const common: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  strict: false,
  multipleOfPrecision: 9,
}

const rfc3339DateTime = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate

/**
 * RFC 3339 (with its offset) that a Date can hold: ajv-formats admits a leap second (23:59:60) and an
 * offset of hours only ("+08"), which Date.parse cannot read, and every date-time we take becomes a Date.
 */
export function isRepresentableDateTime(text: string): boolean {
  return rfc3339DateTime(text) && Number.isFinite(Date.parse(text))
}

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes })
  addFormats(ajv)
  ajv.addFormat('date-time', { type: 'string', validate: isRepresentableDateTime })
  return ajv
}

/** The schema's verdict first; data that passes it is then searched for unstorable text. */
function refusingUnstorableText(
  validate: ValidateFunction,
  httpPart: string,
): ReturnType<FastifySchemaCompiler<object>> {
  const check = (data: unknown, context?: Parameters<ValidateFunction>[1]) => {
    const valid = validate(data, context)
    check.errors = validate.errors
    if (!valid) return false
    const found = findUnstorableText(data)
    if (found === null) return true
    const detail = `${httpPart}${found.path} holds ${describeFault(found)}`
    return { error: new InvalidInput(detail, { location: httpPart, ...found }, 'invalid_text') }
  }
  check.errors = validate.errors
  // Fastify hands Ajv the request as parent only when it sees Ajv's schemaEnv (to let it replace a root).
  return Object.assign(check, { schemaEnv: validate.schemaEnv })
}

export function createValidatorCompiler(sharedSchemas: readonly object[]): FastifySchemaCompiler<object> {
  const strict = makeAjv(false)
  const coercing = makeAjv('array')
  for (const schema of sharedSchemas) {
    strict.addSchema(schema)
    coercing.addSchema(schema)
  }
  return ({ schema, httpPart }) =>
    refusingUnstorableText((httpPart === 'body' ? strict : coercing).compile(schema), httpPart ?? 'body')
}
