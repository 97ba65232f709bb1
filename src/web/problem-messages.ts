// A refusal in the user's language, beside the field it names: the catalogue words the codes it knows
// (messages/*.ts `problems`), any other code shows the API's own English message.
import type { Messages } from './messages/messages.ts'
import type { ProblemFacts } from './problem-facts.ts'

/** An error to show: on a form field (its input's name) or on the whole form (field null). */
export interface FieldError {
  readonly field: string | null
  readonly text: string
}

export function problemText(t: Messages, problem: ProblemFacts): string {
  const worded = (t.problems as Readonly<Record<string, ((p: ProblemFacts) => string) | undefined>>)[
    problem.code
  ]
  return worded ? worded(problem) : problem.message
}

/**
 * The refusal as a form error. `fields` maps the API's field names (the refusal's `field`, the body's
 * property) to the form's input names where they differ; a field the form does not show becomes a
 * form-level error.
 */
export function problemError(
  t: Messages,
  problem: ProblemFacts,
  formFields: readonly string[],
  fields: Readonly<Record<string, string>> = {},
): FieldError {
  const named = problem.field === null ? null : (fields[problem.field] ?? problem.field)
  const field = named !== null && formFields.includes(named) ? named : null
  return { field, text: problemText(t, problem) }
}
