// The chair's console (组长控制台) on the meeting page: attendance in words, who has voted this round (a
// tick, never what), a button for exactly each action the machine would take from the chair now, a
// refresh button (a GET form: it reloads the page even when only the fragment would differ), and the decision form when DECIDE is allowed. A supervisor sees it without the actions.
// After the decision: the signed award report's download link; for the purchaser and oversight, a link to
// the award setup page (定标准备).
import { errorFor, postForm, radioField, submitButton, textField } from '../../web/components/form-fields.ts'
import { dataTable } from '../../web/components/table.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { AttendanceView } from '../attendance-view.ts'
import { awardReportLink } from './award-setup-result.ts'
import type { MeetingFormValues } from './meeting-member.ts'
import { candidateLabel, currentRound, type MeetingData } from './meeting-view.ts'

function attendanceTable(ctx: PageContext, data: MeetingData): SafeHtml {
  const t = ctx.t.meeting
  const round = currentRound(data.view)
  const voting = round !== null && round.status !== 'pending'
  return dataTable({
    caption: t.attendanceCaption,
    columns: [
      {
        header: t.member,
        cell: (a: AttendanceView) => `${a.displayName ?? a.userId}${a.chair ? t.chairMark : ''}`,
      },
      { header: t.attendance, cell: (a) => t.attendanceStatuses[a.status] },
      {
        header: t.votedColumn,
        cell: (a) =>
          !voting || a.status !== 'checkedIn'
            ? '—'
            : round.votedBy.includes(a.userId)
              ? t.hasVoted
              : t.notVoted,
      },
    ],
    rows: data.view.attendance,
  })
}

function actionButtons(ctx: PageContext, data: MeetingData): SafeHtml {
  const t = ctx.t.meeting
  const { view } = data
  const id = view.tenderId
  const buttons = view.me.actions.flatMap((action) => {
    if (action === 'OPEN_ROUND')
      return [
        postForm(ctx, `/meetings/${id}/rounds/${view.round}/open`, submitButton(t.openRound(view.round))),
      ]
    if (action === 'CLOSE_ROUND')
      return [
        postForm(ctx, `/meetings/${id}/rounds/${view.round}/close`, submitButton(t.closeRound(view.round))),
      ]
    if (action === 'START_REVOTE') return [postForm(ctx, `/meetings/${id}/revote`, submitButton(t.revote))]
    return []
  })
  if (buttons.length) return html`<div class="actions">${buttons}</div>`
  return view.me.actions.includes('DECIDE') ? html`` : html`<p>${t.noActions}</p>`
}

function decisionForm(
  ctx: PageContext,
  data: MeetingData,
  values: MeetingFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.meeting
  const { view } = data
  const choices = view.candidates
    .filter((bidId) => !view.declinedBidIds.includes(bidId))
    .map((bidId) => ({ value: bidId, label: candidateLabel(data, bidId, ctx.locale) }))
  const fields = html`${radioField({ name: 'winnerBidId', label: t.winner, error: errorFor(errors, 'winnerBidId'), choices, selected: values.winnerBidId })}
${textField({ name: 'reasons', label: t.reasons, hint: t.reasonsHint, value: values.reasons, error: errorFor(errors, 'reasons'), multiline: true })}
${submitButton(t.decide)}`
  return html`<h3>${t.decisionTitle}</h3>${postForm(ctx, `/meetings/${view.tenderId}/decision`, fields)}`
}

export function meetingConsole(
  ctx: PageContext,
  data: MeetingData,
  values: MeetingFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.meeting
  const { view } = data
  const acts = view.me.part !== 'oversight'
  const title = acts ? t.consoleTitle : t.consoleReadOnly
  return html`<section id="console" aria-labelledby="console-title" class="console">
<h2 id="console-title">${title}</h2>
${attendanceTable(ctx, data)}
<form method="get" action="${attrUrl(`/meetings/${view.tenderId}#console`)}" class="refresh">${submitButton(t.refresh, { secondary: true })}</form>
${acts ? actionButtons(ctx, data) : ''}
${acts && view.me.actions.includes('DECIDE') ? decisionForm(ctx, data, values, errors) : ''}
${view.winnerBidId === null ? '' : html`<h3>${ctx.t.awardSetup.reportTitle}</h3>${awardReportLink(ctx, data)}`}
${view.me.part === 'chair' ? '' : html`<p><a href="${attrUrl(`/tenders/${view.tenderId}/award`)}">${ctx.t.awardSetup.setupLink}</a></p>`}
</section>`
}
