// The new-tender form: the particulars the API's createTender takes, money typed in yuan.

import { errorFor, postForm, radioField, submitButton, textField } from '../../web/components/form-fields.ts'
import { layout } from '../../web/components/layout.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'

/** The form's inputs as typed (money in yuan, as text). */
export interface TenderFormValues {
  readonly reference: string
  readonly title: string
  readonly description: string
  readonly category: string
  readonly estimatedValue: string
  readonly ceilingPrice: string
}

export const EMPTY_TENDER_FORM: TenderFormValues = {
  reference: '',
  title: '',
  description: '',
  category: '',
  estimatedValue: '',
  ceilingPrice: '',
}

/** Each input and its label, in the form's order (the error summary follows it). */
export function tenderFormLabels(ctx: PageContext): Record<keyof TenderFormValues, string> {
  const t = ctx.t.tenderForm
  return {
    reference: t.reference,
    title: t.name,
    description: t.description,
    category: t.category,
    estimatedValue: t.estimatedValue,
    ceilingPrice: t.ceilingPrice,
  }
}

export function tenderFormPage(
  ctx: PageContext,
  values: TenderFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.tenderForm
  const labels = tenderFormLabels(ctx)
  const text = (
    name: keyof TenderFormValues,
    extra: { hint?: string; short?: boolean; multiline?: boolean } = {},
  ) => textField({ name, label: labels[name], value: values[name], error: errorFor(errors, name), ...extra })
  const categories = (['works', 'goods', 'services'] as const).map((value) => ({
    value,
    label: ctx.t.categories[value],
  }))
  const fields = html`${text('reference', { hint: t.referenceHint, short: true })}
${text('title')}
${text('description', { multiline: true })}
${radioField({ name: 'category', label: labels.category, error: errorFor(errors, 'category'), choices: categories, selected: values.category })}
${textField({ name: 'estimatedValue', label: labels.estimatedValue, hint: t.moneyHint, value: values.estimatedValue, error: errorFor(errors, 'estimatedValue'), short: true, inputmode: 'decimal' })}
${textField({ name: 'ceilingPrice', label: `${labels.ceilingPrice}${ctx.t.form.optional}`, hint: t.moneyHint, value: values.ceilingPrice, error: errorFor(errors, 'ceilingPrice'), short: true, inputmode: 'decimal' })}
${submitButton(t.submit)} <a href="/tenders">${t.back}</a>`
  const body = html`<p class="lead">${t.intro}</p>${postForm(ctx, '/tenders/new', fields)}`
  return layout(ctx, { title: t.title, body, errors })
}
