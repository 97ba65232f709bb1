// The GOV.UK-style error summary: at the top of the page, one link per error to the field it names.
import { html, type SafeHtml } from '../html.ts'
import type { PageContext } from '../page-context.ts'
import type { FieldError } from '../problem-messages.ts'
import { fieldId } from './form-fields.ts'

export function errorSummary(ctx: PageContext, errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``
  const items = errors.map((error) =>
    error.field === null
      ? html`<li>${error.text}</li>`
      : html`<li><a href="#${fieldId(error.field)}">${error.text}</a></li>`,
  )
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">${ctx.t.errorSummary.title}</h2>
  <ul>${items}</ul>
</div>`
}
