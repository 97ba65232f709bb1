// Reading a submitted form, and checking what it builds against the API's own request schema (the same
// validator the API runs), so a form refuses exactly what the API would, worded for its fields.
import type { TSchema } from 'typebox'
import { createValidatorCompiler } from '../http/validation.ts'
import type { Messages } from './messages/messages.ts'
import type { FieldError } from './problem-messages.ts'

/** A field's text as submitted ("" when absent; the first when repeated), trimmed. */
export function formText(body: unknown, name: string): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.trim() : ''
}

const compile = createValidatorCompiler([])
const validators = new WeakMap<TSchema, ReturnType<typeof compile>>()

interface SchemaError {
  readonly instancePath: string
  readonly keyword: string
  readonly params: Readonly<Record<string, unknown>>
}

function fieldOf(error: SchemaError): string {
  if (error.keyword === 'required') return String(error.params.missingProperty)
  return error.instancePath.split('/')[1] ?? ''
}

/** A property whose schema is a choice of values (a union of literals, an enum): "select", not "enter". */
function isChoice(schema: TSchema, property: string): boolean {
  const inner = (schema as { properties?: Record<string, Record<string, unknown>> }).properties?.[property]
  return inner !== undefined && ('anyOf' in inner || 'enum' in inner || 'const' in inner)
}

function wording(t: Messages, error: SchemaError, label: string, choice: boolean): string {
  if (error.keyword === 'required' || (error.keyword === 'minLength' && error.params.limit === 1)) {
    return choice ? t.form.choose(label) : t.form.required(label)
  }
  if (error.keyword === 'maxLength') return t.form.tooLong(label, Number(error.params.limit))
  if (error.keyword === 'anyOf' || error.keyword === 'const' || error.keyword === 'enum')
    return t.form.choose(label)
  return t.form.invalid(label)
}

/**
 * The API schema's verdict on `value`, one error per field, in the form's order (`labels`: each input
 * the form shows and its label; `fields`: the API's property names that differ from the input's, e.g.
 * estimatedValueFen → estimatedValue). Text the database cannot store is refused as the API refuses it.
 */
export function schemaErrors(
  t: Messages,
  schema: TSchema,
  value: unknown,
  labels: Readonly<Record<string, string>>,
  fields: Readonly<Record<string, string>> = {},
): FieldError[] {
  const inputOf = (property: string) => fields[property] ?? property
  let validate = validators.get(schema)
  if (!validate) {
    validate = compile({ schema, httpPart: 'body', method: 'POST', url: '/' })
    validators.set(schema, validate)
  }
  const verdict = validate(value) as boolean | { error: { extra?: Record<string, unknown> } }
  if (verdict === true) return []
  const errors = new Map<string, string>()
  if (typeof verdict === 'object') {
    const path = String(verdict.error.extra?.path ?? '')
    const field = inputOf(path.split('/')[1] ?? '')
    errors.set(field, t.form.unstorable(labels[field] ?? field))
  }
  for (const error of ((validate as { errors?: SchemaError[] }).errors ?? []) as SchemaError[]) {
    const property = fieldOf(error)
    const field = inputOf(property)
    if (!errors.has(field))
      errors.set(field, wording(t, error, labels[field] ?? field, isChoice(schema, property)))
  }
  const order = Object.keys(labels)
  return [...errors]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, text]) => ({ field: order.includes(field) ? field : null, text }))
}
