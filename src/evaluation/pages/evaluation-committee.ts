// The evaluation page's committee part (评标委员会): the members as this viewer may see them, their
// declarations and scoring status, the draw's proof, and the draw form when it is offered.
import { errorFor, postForm, submitButton, textField } from '../../web/components/form-fields.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { evaluationView } from '../evaluation-view.ts'

export type EvaluationData = Awaited<ReturnType<typeof evaluationView>>
type Member = EvaluationData['committee'][number]
type Declaration = EvaluationData['declarations'][number]

/** An expert as this viewer may see them: their name once the API shows it, else a placeholder. */
export function expertName(ctx: PageContext, evaluation: EvaluationData, expertId: string): string {
  const t = ctx.t.evaluationPage
  const member = evaluation.committee.find((m) => m.expertId === expertId)
  const name = member?.displayName ?? t.hiddenName
  return member?.you ? `${name}${t.you}` : name
}

function drawForm(
  ctx: PageContext,
  tenderId: string,
  minSize: number,
  size: string,
  errors: readonly FieldError[],
) {
  const t = ctx.t.evaluationPage
  const fields = html`${textField({ name: 'size', label: t.drawSize, hint: t.drawSizeHint(minSize), value: size, error: errorFor(errors, 'size'), short: true, inputmode: 'numeric' })}
${submitButton(t.drawSubmit)}`
  return postForm(ctx, `/tenders/${tenderId}/evaluation/committee`, fields)
}

function drawProof(
  ctx: PageContext,
  evaluation: EvaluationData,
  draw: NonNullable<EvaluationData['draw']>,
): SafeHtml {
  const t = ctx.t.evaluationPage
  const row = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`
  const code = (value: string) => html`<code class="hash">${value}</code>`
  const list = (ids: readonly string[]) => html`<ul>${ids.map((id) => html`<li>${code(id)}</li>`)}</ul>`
  return html`<h3>${t.draw}</h3>
<dl class="summary" aria-label="${t.draw}">
${row(t.drawnAt, timeTag(draw.drawnAt, ctx.locale))}
${row(t.commitment, code(draw.secretCommitment))}
${row(t.secret, code(draw.secret))}
${row(t.seed, code(draw.seed))}
${row(t.streamHead, code(draw.streamHeadHash))}
${row(t.drawnMembers, html`<ul>${draw.members.map((id) => html`<li>${expertName(ctx, evaluation, id)} ${code(id)}</li>`)}</ul>`)}
</dl>
<details><summary>${t.pool(draw.pool.length)}</summary>${list(draw.pool)}</details>`
}

function membersTable(ctx: PageContext, evaluation: EvaluationData): SafeHtml {
  const t = ctx.t.evaluationPage
  const done = (yes: boolean) => (yes ? t.yes : t.no)
  return dataTable<Member>({
    caption: t.committeeCaption(evaluation.committee.length),
    rows: evaluation.committee,
    columns: [
      { header: t.member, cell: (m) => expertName(ctx, evaluation, m.expertId) },
      { header: t.declared, cell: (m) => done(m.declared) },
      { header: t.scored, cell: (m) => done(m.scored) },
    ],
  })
}

function declarationsTable(ctx: PageContext, evaluation: EvaluationData): SafeHtml {
  const t = ctx.t.evaluationPage
  if (evaluation.declarations.length === 0) return html``
  return dataTable<Declaration>({
    caption: t.declarationsCaption(evaluation.declarations.length),
    rows: evaluation.declarations,
    columns: [
      { header: t.member, cell: (d) => expertName(ctx, evaluation, d.expertId) },
      { header: t.declaredAt, cell: (d) => timeTag(d.declaredAt, ctx.locale) },
      { header: t.statement, cell: (d) => d.statement ?? '—' },
    ],
  })
}

export interface CommitteePart {
  readonly tenderId: string
  readonly evaluation: EvaluationData
  /** The draw form, when the machine takes DRAW_EXPERTS and the viewer may send it. */
  readonly draw: { readonly minSize: number; readonly size: string } | null
}

export function committeeSection(ctx: PageContext, part: CommitteePart, errors: readonly FieldError[]) {
  const t = ctx.t.evaluationPage
  const { evaluation } = part
  const drawn = evaluation.draw !== null || evaluation.committee.length > 0
  return html`<section aria-labelledby="committee"><h2 id="committee">${t.committee}</h2>
${drawn ? membersTable(ctx, evaluation) : html`<p>${t.notDrawn}</p>`}
${part.draw ? drawForm(ctx, part.tenderId, part.draw.minSize, part.draw.size, errors) : ''}
${evaluation.draw ? drawProof(ctx, evaluation, evaluation.draw) : ''}
${declarationsTable(ctx, evaluation)}
</section>`
}
