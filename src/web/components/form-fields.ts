// Form parts: every input has a label, an optional hint and its inline error, tied together by ids
// (aria-describedby); choices are radios in a fieldset with a legend. Every form carries the CSRF token.
import { attrUrl, html, type SafeHtml } from '../html.ts'
import type { PageContext } from '../page-context.ts'
import type { FieldError } from '../problem-messages.ts'

/** The CSRF field's name; page-foundation.ts checks it on every state-changing request. */
export const CSRF_FIELD = '_csrf'

/** The id of a field's input, which the error summary links to. */
export const fieldId = (name: string) => `f-${name}`

export function errorFor(errors: readonly FieldError[], name: string): string | null {
  return errors.find((error) => error.field === name)?.text ?? null
}

/** A POST form with its CSRF token. */
export function postForm(
  ctx: PageContext,
  action: string,
  body: SafeHtml,
  options: { novalidate?: boolean } = {},
) {
  return html`<form method="post" action="${attrUrl(action)}"${options.novalidate === false ? '' : html` novalidate`}>
  <input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrfToken}">
  ${body}
</form>`
}

export function submitButton(
  label: string,
  options: { secondary?: boolean; name?: string; value?: string } = {},
) {
  const named = options.name ? html` name="${options.name}" value="${options.value ?? ''}"` : html``
  return html`<button type="submit" class="button${options.secondary ? ' button-secondary' : ''}"${named}>${label}</button>`
}

interface FieldParts {
  readonly name: string
  readonly label: string
  readonly hint?: string
  readonly error: string | null
}

function describedBy(parts: FieldParts): SafeHtml {
  const ids = [
    parts.hint ? `${fieldId(parts.name)}-hint` : null,
    parts.error ? `${fieldId(parts.name)}-error` : null,
  ]
  const present = ids.filter((id): id is string => id !== null)
  return present.length ? html` aria-describedby="${present.join(' ')}"` : html``
}

function hintAndError(parts: FieldParts): SafeHtml {
  const id = fieldId(parts.name)
  return html`${parts.hint ? html`<span class="hint" id="${id}-hint">${parts.hint}</span>` : ''}${
    parts.error ? html`<span class="error-message" id="${id}-error">${parts.error}</span>` : ''
  }`
}

export interface TextFieldOptions extends FieldParts {
  readonly value: string
  readonly short?: boolean
  readonly multiline?: boolean
  readonly autocomplete?: string
  readonly inputmode?: 'numeric' | 'decimal' | 'text'
}

/** A labelled text input (or textarea) with its hint and inline error. */
export function textField(options: TextFieldOptions): SafeHtml {
  const id = fieldId(options.name)
  const invalid = options.error ? html` aria-invalid="true"` : html``
  const extra = html`${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${
    options.inputmode ? html` inputmode="${options.inputmode}"` : ''
  }`
  const control = options.multiline
    ? html`<textarea id="${id}" name="${options.name}" rows="6"${describedBy(options)}${invalid}>${options.value}</textarea>`
    : html`<input type="text" id="${id}" name="${options.name}" value="${options.value}"${
        options.short ? html` class="input-short"` : ''
      }${describedBy(options)}${invalid}${extra}>`
  return html`<div class="field${options.error ? ' field-error' : ''}">
  <label for="${id}">${options.label}</label>
  ${hintAndError(options)}
  ${control}
</div>`
}

export interface Choice {
  readonly value: string
  readonly label: string
  readonly hint?: string
}

export interface ChoiceFieldOptions extends FieldParts {
  readonly choices: readonly Choice[]
  readonly selected: string | null
}

/** Radios in a fieldset whose legend asks the question; the first radio carries the field's id. */
export function radioField(options: ChoiceFieldOptions): SafeHtml {
  const id = fieldId(options.name)
  const radios = options.choices.map((choice, index) => {
    const radioId = index === 0 ? id : `${id}-${index}`
    const checked = choice.value === options.selected ? html` checked` : html``
    const hintId = `${id}-${index}-hint`
    const hint = choice.hint ? html`<span class="hint" id="${hintId}">${choice.hint}</span>` : html``
    const described = choice.hint ? html` aria-describedby="${hintId}"` : html``
    return html`<div class="choice">
      <input type="radio" id="${radioId}" name="${options.name}" value="${choice.value}"${checked}${described}>
      <label for="${radioId}">${choice.label}${hint}</label>
    </div>`
  })
  return html`<div class="field${options.error ? ' field-error' : ''}">
  <fieldset${describedBy(options)}>
    <legend>${options.label}</legend>
    ${hintAndError(options)}
    <div class="choices">${radios}</div>
  </fieldset>
</div>`
}

/** A labelled select (for filters; forms that decide something use radios). */
export function selectField(options: ChoiceFieldOptions): SafeHtml {
  const id = fieldId(options.name)
  const items = options.choices.map(
    (choice) =>
      html`<option value="${choice.value}"${choice.value === options.selected ? html` selected` : ''}>${choice.label}</option>`,
  )
  return html`<div class="field${options.error ? ' field-error' : ''}">
  <label for="${id}">${options.label}</label>
  ${hintAndError(options)}
  <select id="${id}" name="${options.name}"${describedBy(options)}>${items}</select>
</div>`
}
