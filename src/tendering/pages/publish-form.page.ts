// The publish form of a draft (发布): the rule pack (each pack's limits and methods shown beside it), the
// evaluation and award methods, the award factors and the bid deadline typed in Shanghai time.
import { AWARD_METHODS, EVALUATION_METHODS, type RulePack } from '../../../state-machines/rule-pack.ts'
import { awardMethodRefusal } from '../../../state-machines/tender-draft.guards.ts'
import {
  errorFor,
  fieldId,
  postForm,
  radioField,
  selectField,
  submitButton,
  textField,
} from '../../web/components/form-fields.ts'
import { layout } from '../../web/components/layout.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'

/** The form's inputs as typed (the deadline as a datetime-local value in Shanghai time). */
export interface PublishFormValues {
  readonly rulePackId: string
  readonly evaluationMethod: string
  readonly awardMethod: string
  readonly awardFactors: string
  readonly deadline: string
}

export interface PublishFormData {
  readonly tenderId: string
  readonly title: string
  readonly packs: readonly RulePack[]
}

/** Each input and its label, in the form's order (the error summary follows it). */
export function publishFormLabels(ctx: PageContext): Record<keyof PublishFormValues, string> {
  const t = ctx.t.publishForm
  return {
    rulePackId: t.rulePack,
    evaluationMethod: t.evaluationMethod,
    awardMethod: t.awardMethod,
    awardFactors: t.awardFactors,
    deadline: t.deadline,
  }
}

/** The award methods some shipped pack allows (lottery only where a pack allows it). */
function offeredAwardMethods(packs: readonly RulePack[]) {
  return AWARD_METHODS.filter((method) =>
    packs.some((pack) => awardMethodRefusal(pack, method)?.code !== 'method_not_allowed'),
  )
}

function packAllowances(ctx: PageContext, packs: readonly RulePack[]): SafeHtml {
  const p = ctx.t.procedure
  const items = packs.map((pack) => {
    const evaluation = pack.evaluationMethods.map((m) => ctx.t.methods.evaluation[m] ?? m).join(p.separator)
    const award = AWARD_METHODS.filter((m) => awardMethodRefusal(pack, m) === null)
      .map((m) => ctx.t.methods.award[m] ?? m)
      .join(p.separator)
    const text = ctx.t.publishForm.packAllows(pack.name, pack.limits.minBidDays.value, evaluation, award)
    return html`<li>${text}<br><span class="muted">${p.citation(pack.limits.minBidDays.source)}</span></li>`
  })
  return html`<ul class="hint" id="${fieldId('rulePackId')}-packs">${items}</ul>`
}

/** A datetime-local input with its zone named beside it (the page converts it from Shanghai time). */
function deadlineField(ctx: PageContext, value: string, error: string | null, minDays: number): SafeHtml {
  const id = fieldId('deadline')
  const hint = ctx.t.publishForm.deadlineHint(ctx.t.procedure.zone, minDays)
  const described = [`${id}-hint`, ...(error ? [`${id}-error`] : [])].join(' ')
  return html`<div class="field${error ? ' field-error' : ''}">
  <label for="${id}">${ctx.t.procedure.zoned(ctx.t.publishForm.deadline)}</label>
  <span class="hint" id="${id}-hint">${hint}</span>
  ${error ? html`<span class="error-message" id="${id}-error">${error}</span>` : ''}
  <input type="datetime-local" id="${id}" name="deadline" value="${value}" class="input-short" aria-describedby="${described}"${error ? html` aria-invalid="true"` : ''}>
</div>`
}

export function publishFormPage(
  ctx: PageContext,
  data: PublishFormData,
  values: PublishFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.publishForm
  const labels = publishFormLabels(ctx)
  const packChoices = data.packs.map((pack) => ({ value: pack.id, label: pack.name }))
  const evaluationChoices = EVALUATION_METHODS.map((m) => ({
    value: m,
    label: ctx.t.methods.evaluation[m] ?? m,
  }))
  const awardChoices = offeredAwardMethods(data.packs).map((m) => ({
    value: m,
    label: ctx.t.methods.award[m] ?? m,
    ...(data.packs.some((pack) => awardMethodRefusal(pack, m) === null) ? {} : { hint: t.notAvailable }),
  }))
  const minDays = data.packs[0]?.limits.minBidDays.value ?? 20
  const fields = html`${selectField({ name: 'rulePackId', label: labels.rulePackId, hint: t.rulePackHint, error: errorFor(errors, 'rulePackId'), choices: packChoices, selected: values.rulePackId })}
${packAllowances(ctx, data.packs)}
${radioField({ name: 'evaluationMethod', label: labels.evaluationMethod, error: errorFor(errors, 'evaluationMethod'), choices: evaluationChoices, selected: values.evaluationMethod })}
${radioField({ name: 'awardMethod', label: labels.awardMethod, hint: t.awardMethodHint, error: errorFor(errors, 'awardMethod'), choices: awardChoices, selected: values.awardMethod })}
${textField({ name: 'awardFactors', label: labels.awardFactors, hint: t.awardFactorsHint, value: values.awardFactors, error: errorFor(errors, 'awardFactors'), multiline: true })}
${deadlineField(ctx, values.deadline, errorFor(errors, 'deadline'), minDays)}
${submitButton(t.submit)} <a href="${attrUrl(`/tenders/${data.tenderId}`)}">${t.back}</a>`
  const body = html`<p class="lead">${t.intro}</p>${postForm(ctx, `/tenders/${data.tenderId}/publish`, fields)}`
  return layout(ctx, { title: t.title(data.title), body, errors })
}
