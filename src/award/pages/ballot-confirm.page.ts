// Confirm the ballot (确认投票): the choice and reason as the member will submit them, nothing stored yet;
// "提交后不可修改"; the same fields hidden in a form to cast it, and a way back to change it.
import { postForm, submitButton } from '../../web/components/form-fields.ts'
import { layout } from '../../web/components/layout.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import { candidateLabel, type MeetingData } from './meeting-view.ts'

export interface BallotChoice {
  readonly candidateBidId: string
  readonly reason: string
}

export function ballotConfirmPage(ctx: PageContext, data: MeetingData, choice: BallotChoice): SafeHtml {
  const t = ctx.t.ballotConfirm
  const id = data.view.tenderId
  const hidden = html`<input type="hidden" name="candidateBidId" value="${choice.candidateBidId}">
<input type="hidden" name="reason" value="${choice.reason}">`
  const body = html`<p class="lead">${t.intro}</p>
<dl class="summary" aria-label="${t.summary}">
  <dt>${t.round}</dt><dd>${t.roundN(data.view.round)}</dd>
  <dt>${t.candidate}</dt><dd>${candidateLabel(data, choice.candidateBidId, ctx.locale)}</dd>
  <dt>${t.reason}</dt><dd class="prewrap">${choice.reason}</dd>
</dl>
<div class="notice notice-warning"><p><strong>${t.warning}</strong></p></div>
<div class="actions">
${postForm(ctx, `/meetings/${id}/ballot`, html`${hidden}${submitButton(t.confirm)}`)}
${postForm(ctx, `/meetings/${id}/ballot/change`, html`${hidden}${submitButton(t.back, { secondary: true })}`)}
</div>`
  return layout(ctx, { title: t.title, body })
}
