// The award setup page (定标准备) for the purchaser (and its agent), read-only for oversight and the
// committee: the committee's draw and its proof, the dossiers' freeze and their hash, the meeting's
// standing with a link to it, and after the decision the result, the award report and the next steps.

import { postForm, submitButton } from '../../web/components/form-fields.ts'
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { AwardSetupData } from '../award-setup-data.ts'
import { committeeSection } from './award-setup-committee.ts'
import { resultSection } from './award-setup-result.ts'
import { dossierSection, roundStatusLine } from './meeting-member.ts'

/** What was typed, kept when a form comes back with an error. */
export interface SetupFormValues {
  readonly size: string
  readonly chairId: string
  readonly reason: string
  readonly contractRef: string
}

export const EMPTY_SETUP_FORM: SetupFormValues = { size: '', chairId: '', reason: '', contractRef: '' }

function summary(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  const { view } = data
  const method = view.awardMethod === null ? '—' : (ctx.t.methods.award[view.awardMethod] ?? view.awardMethod)
  return html`<dl class="summary">
  <dt>${t.reference}</dt><dd>${data.reference}</dd>
  <dt>${t.state}</dt><dd>${stateChip(ctx, view.state)}</dd>
  <dt>${t.myPart}</dt><dd>${ctx.t.meetings.parts[view.me.part]}</dd>
  ${view.winnerBidId === null ? html`<dt>${t.awardMethod}</dt><dd>${method}</dd>` : ''}
</dl>
${view.me.part === 'purchaser' ? '' : html`<p>${t.readOnly}</p>`}`
}

function dossiersPart(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  const { view } = data
  if (data.dossiers) return dossierSection(ctx, data)
  if (view.committee.members.length === 0) return html``
  const freeze = view.me.actions.includes('FREEZE_DOSSIERS')
    ? html`<p>${t.freezeIntro}</p>${postForm(ctx, `/tenders/${view.tenderId}/award/dossiers/freeze`, submitButton(t.freeze))}`
    : html`<p>${ctx.t.meeting.notFrozen}</p>`
  return html`<section aria-labelledby="dossier-title"><h2 id="dossier-title">${t.dossiersTitle}</h2>
${freeze}</section>`
}

function meetingPart(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  const { view } = data
  if (view.committee.members.length === 0) return html``
  const count = (status: string) => view.attendance.filter((a) => a.status === status).length
  const quorum = view.quorum ? t.quorum(view.quorum.limit) : ''
  const next =
    view.next === null ? '' : html`<dt>${t.nextStep}</dt><dd>${ctx.t.meetings.next[view.next.action]}</dd>`
  return html`<section aria-labelledby="meeting-title"><h2 id="meeting-title">${t.meetingTitle}</h2>
${roundStatusLine(ctx, data)}
<dl class="summary">
  <dt>${t.attendance}</dt><dd>${t.attendanceCounts(count('checkedIn'), count('recused'), count('absent'))}${quorum}</dd>
  ${next}
</dl>
<p><a href="${attrUrl(`/meetings/${view.tenderId}`)}">${t.meetingLink}</a></p>
</section>`
}

export function awardSetupPage(
  ctx: PageContext,
  data: AwardSetupData,
  values: SetupFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const body = html`${summary(ctx, data)}
${resultSection(ctx, data, values, errors)}
${committeeSection(ctx, data, values, errors)}
${dossiersPart(ctx, data)}
${meetingPart(ctx, data)}`
  return layout(ctx, { title: ctx.t.awardSetup.title(data.title), body, errors })
}
