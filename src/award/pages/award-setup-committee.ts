// The award setup page's committee part: before the draw, the form to draw the committee (size, chair)
// and the pool it would draw from; after it, the committee with its chair, the supervision, and the
// draw's proof (commitment, secret, seed, stream head, the pool with who was drawn) with how to re-check it.
import { errorFor, postForm, radioField, submitButton, textField } from '../../web/components/form-fields.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { AwardSetupData } from '../award-setup-data.ts'
import type { SetupFormValues } from './award-setup.page.ts'

const nameOf = (data: AwardSetupData, userId: string) => data.names.get(userId) ?? userId

function poolTable(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  return dataTable({
    caption: t.poolCaption(data.pool.length),
    columns: [
      { header: t.poolMember, cell: (id: string) => nameOf(data, id) },
      { header: t.userId, cell: (id) => html`<code class="hash">${id}</code>` },
    ],
    rows: data.pool,
  })
}

function committeeForm(
  ctx: PageContext,
  data: AwardSetupData,
  values: SetupFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.awardSetup
  const rule = data.committeeRule
  const chairs = [
    { value: '', label: t.firstDrawn },
    ...data.pool.map((id) => ({ value: id, label: nameOf(data, id) })),
  ]
  const fields = html`${textField({ name: 'size', label: t.size, hint: rule ? t.sizeHint(rule.minSize, rule.odd) : '', value: values.size, error: errorFor(errors, 'size'), short: true, inputmode: 'numeric' })}
${radioField({ name: 'chairId', label: t.chair, hint: t.chairHint, error: errorFor(errors, 'chairId'), choices: chairs, selected: values.chairId })}
${submitButton(t.draw)}`
  return html`<p>${t.formIntro}</p>
${postForm(ctx, `/tenders/${data.view.tenderId}/award/committee`, fields)}
${poolTable(ctx, data)}`
}

function committeeTable(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  type Member = AwardSetupData['view']['committee']['members'][number]
  return dataTable({
    caption: t.membersCaption(data.view.committee.members.length),
    columns: [
      { header: t.poolMember, cell: (m: Member) => m.displayName ?? m.userId },
      { header: t.chairColumn, cell: (m) => (m.chair ? t.chairMark : t.memberMark) },
      { header: t.userId, cell: (m) => html`<code class="hash">${m.userId}</code>` },
    ],
    rows: data.view.committee.members,
  })
}

function drawProof(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  const draw = data.view.draw
  if (draw === null) return html``
  const drawn = new Set(data.view.committee.members.map((m) => m.userId))
  const pool = dataTable({
    caption: t.drawnCaption(draw.pool.length),
    columns: [
      { header: t.userId, cell: (id: string) => html`<code class="hash">${id}</code>` },
      { header: t.poolMember, cell: (id) => nameOf(data, id) },
      { header: t.drawn, cell: (id) => (drawn.has(id) ? t.drawnYes : t.drawnNo) },
    ],
    rows: draw.pool,
  })
  return html`<h3 id="draw-title">${t.drawTitle}</h3>
<dl class="summary">
  <dt>${t.drawnAt}</dt><dd>${timeTag(draw.drawnAt, ctx.locale)}</dd>
  <dt>${t.drawSeq}</dt><dd>${draw.seq}</dd>
  <dt>${t.commitment}</dt><dd><code class="hash" id="draw-commitment">${draw.secretCommitment}</code></dd>
  <dt>${t.secret}</dt><dd><code class="hash" id="draw-secret">${draw.secret}</code></dd>
  <dt>${t.seed}</dt><dd><code class="hash" id="draw-seed">${draw.seed}</code></dd>
  <dt>${t.streamHead}</dt><dd><code class="hash">${draw.streamHeadHash}</code></dd>
  <dt>${t.poolSize}</dt><dd>${draw.poolSize}</dd>
</dl>
<p class="recheck">${t.recheck}</p>
${pool}`
}

export function committeeSection(
  ctx: PageContext,
  data: AwardSetupData,
  values: SetupFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.awardSetup
  const { view } = data
  const formed = view.committee.members.length > 0
  const body = formed
    ? html`${committeeTable(ctx, data)}
<dl class="summary">
  <dt>${t.chair}</dt><dd>${view.committee.members.find((m) => m.chair)?.displayName ?? view.committee.chairId ?? '—'}</dd>
  <dt>${t.supervisors}</dt><dd>${t.supervisorsText}</dd>
</dl>
${drawProof(ctx, data)}`
    : view.me.actions.includes('FORM_AWARD_COMMITTEE')
      ? committeeForm(ctx, data, values, errors)
      : html`<p>${view.state === 'awarding' ? t.notFormed : t.notAwarding}</p>`
  return html`<section aria-labelledby="committee-title"><h2 id="committee-title">${t.committeeTitle}</h2>
${body}</section>`
}
