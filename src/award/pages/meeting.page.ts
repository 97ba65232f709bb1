// The award meeting page (定标会) for whoever takes part: the member's check-in or recusal, then the
// dossiers, the round's status and the ballot form or its receipt, each closed round's counts; the
// chair's console (a supervisor's read-only) below. Every part is drawn from the award view.
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import { meetingConsole } from './meeting-console.ts'
import {
  ballotForm,
  checkInForms,
  dossierSection,
  type MeetingFormValues,
  roundResults,
  roundStatusLine,
  votedNotice,
} from './meeting-member.ts'
import { candidateName, type MeetingData } from './meeting-view.ts'

function summary(ctx: PageContext, data: MeetingData): SafeHtml {
  const t = ctx.t.meeting
  const { view } = data
  const quorum = view.quorum
    ? html`<dt>${t.attendanceCount}</dt><dd>${t.quorum(view.quorum.checkedIn, view.quorum.limit)}</dd>`
    : ''
  return html`<dl class="summary">
  <dt>${t.reference}</dt><dd>${data.reference}</dd>
  <dt>${t.state}</dt><dd>${stateChip(ctx, view.state)}</dd>
  <dt>${t.myPart}</dt><dd>${ctx.t.meetings.parts[view.me.part]}</dd>
  ${quorum}
</dl>`
}

function decision(ctx: PageContext, data: MeetingData): SafeHtml {
  const { view } = data
  if (view.winnerBidId === null) return html``
  const t = ctx.t.meeting
  return html`<div class="panel"><p class="panel-title">${t.decided(candidateName(data, view.winnerBidId))}</p>
${view.decisionReasons ? html`<p>${t.decisionReasons}：${view.decisionReasons}</p>` : ''}</div>`
}

export function meetingPage(
  ctx: PageContext,
  data: MeetingData,
  values: MeetingFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.meeting
  const { view } = data
  const { me } = view
  const onCommittee = me.part === 'chair' || me.part === 'member'
  const mayCheckIn = onCommittee && me.attendance === 'absent' && me.actions.includes('CHECK_IN')
  const reads = !onCommittee || me.attendance === 'checkedIn'
  const standing = onCommittee
    ? me.attendance === 'checkedIn'
      ? html`<p>${t.checkedIn}</p>`
      : me.attendance === 'recused'
        ? html`<p>${t.recused}</p>`
        : ''
    : ''
  const voting = reads
    ? html`<section aria-labelledby="round-title"><h2 id="round-title">${t.roundTitle}</h2>
${roundStatusLine(ctx, data)}
${me.votedThisRound ? votedNotice(ctx, data) : ''}
${view.roundStatus === 'open' && view.round > 0 && !view.rounds.find((r) => r.round === view.round)?.tally ? html`<p>${t.noResultYet}</p>` : ''}
</section>
${me.actions.includes('CAST_BALLOT') ? ballotForm(ctx, data, values, errors) : ''}
${roundResults(ctx, data)}`
    : ''
  const body = html`${summary(ctx, data)}
${decision(ctx, data)}
${standing}
${mayCheckIn ? checkInForms(ctx, data, values, errors) : ''}
${reads ? dossierSection(ctx, data) : ''}
${voting}
${me.part === 'chair' || me.part === 'oversight' || me.part === 'purchaser' ? meetingConsole(ctx, data, values, errors) : ''}`
  return layout(ctx, { title: t.title(data.title), body, errors })
}
