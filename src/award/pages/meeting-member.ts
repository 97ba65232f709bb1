// The member's parts of the meeting page: check in with the declaration or recuse, the dossier table
// (the same for every member, with its hash), the round's status "已投 k/n", the ballot form, and each
// closed round's counts. Ballot content never appears before the round closes (the view holds none).
import {
  errorFor,
  fieldId,
  postForm,
  radioField,
  submitButton,
  textField,
} from '../../web/components/form-fields.ts'
import { dataTable } from '../../web/components/table.ts'
import { money, timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { CandidateDossier } from '../dossiers.ts'
import { candidateLabel, candidateName, currentRound, type MeetingData, votersOf } from './meeting-view.ts'
import { roundText } from './my-meetings.page.ts'

/** What the member typed, kept when a form comes back with an error. */
export interface MeetingFormValues {
  readonly candidateBidId: string
  readonly reason: string
  readonly recusal: string
  readonly winnerBidId: string
  readonly reasons: string
}

export const EMPTY_MEETING_FORM: MeetingFormValues = {
  candidateBidId: '',
  reason: '',
  recusal: '',
  winnerBidId: '',
  reasons: '',
}

export function checkInForms(
  ctx: PageContext,
  data: MeetingData,
  values: MeetingFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.meeting
  const id = data.view.tenderId
  const declareError = errorFor(errors, 'declare')
  const declare = html`<div class="field${declareError ? ' field-error' : ''}">
  ${declareError ? html`<span class="error-message" id="${fieldId('declare')}-error">${declareError}</span>` : ''}
  <div class="choice">
    <input type="checkbox" id="${fieldId('declare')}" name="declare" value="yes" required${
      declareError ? html` aria-invalid="true" aria-describedby="${fieldId('declare')}-error"` : ''
    }>
    <label for="${fieldId('declare')}">${t.declare}</label>
  </div>
</div>`
  const checkIn = postForm(
    ctx,
    `/meetings/${id}/check-in`,
    html`<h3>${t.declaration}</h3><blockquote class="statement">${data.view.checkInStatement}</blockquote>
${declare}${submitButton(t.checkIn)}`,
  )
  const recuse = postForm(
    ctx,
    `/meetings/${id}/recuse`,
    html`${textField({ name: 'recusal', label: t.recuseReason, hint: t.recuseHint, value: values.recusal, error: errorFor(errors, 'recusal'), multiline: true })}
${submitButton(t.recuse, { secondary: true })}`,
  )
  return html`<section aria-labelledby="check-in-title"><h2 id="check-in-title">${t.checkInTitle}</h2>
<p>${t.checkInIntro}</p>${checkIn}</section>
<section aria-labelledby="recuse-title"><h2 id="recuse-title">${t.recuseTitle}</h2>${recuse}</section>`
}

function creditText(ctx: PageContext, dossier: CandidateDossier): string {
  const outcomes = ctx.t.meeting.creditOutcomes
  const credit = dossier.credit
  if ('outcome' in credit && credit.outcome !== null) return outcomes[credit.outcome]
  return outcomes.not_checked
}

export function dossierSection(ctx: PageContext, data: MeetingData): SafeHtml {
  const t = ctx.t.meeting
  if (!data.dossiers) return html`<section><h2>${t.dossierTitle}</h2><p>${t.notFrozen}</p></section>`
  const { dossiers, dossierHash, frozenAt } = data.dossiers
  const table = dataTable({
    caption: t.dossierCaption(dossiers.length),
    columns: [
      { header: t.candidate, cell: (d: CandidateDossier) => d.bidderName ?? d.bidId },
      { header: t.uscc, cell: (d) => d.bidderUscc ?? '—' },
      { header: t.price, cell: (d) => money(d.priceFen, ctx.locale), numeric: true },
      {
        header: t.evaluation,
        cell: (d) =>
          d.evaluation.mean === null
            ? '—'
            : `${d.evaluation.mean} / ${d.evaluation.min} / ${d.evaluation.max}`,
        numeric: true,
      },
      { header: t.credit, cell: (d) => creditText(ctx, d) },
    ],
    rows: dossiers,
  })
  return html`<section aria-labelledby="dossier-title"><h2 id="dossier-title">${t.dossierTitle}</h2>
${table}
<dl class="summary">
  <dt>${t.dossierHash}</dt><dd><code class="hash">${dossierHash}</code></dd>
  <dt>${t.frozenAt}</dt><dd>${timeTag(frozenAt, ctx.locale)}</dd>
</dl></section>`
}

/** "第 1 轮：投票中 · 已投 2/5". */
export function roundStatusLine(ctx: PageContext, data: MeetingData): SafeHtml {
  const round = currentRound(data.view)
  const status = roundText(ctx, data.view.round, data.view.roundStatus)
  const count =
    round && round.status !== 'pending'
      ? ` · ${ctx.t.meeting.voted(round.votedBy.length, votersOf(data.view))}`
      : ''
  return html`<p class="round-status" role="status">${status}${count}</p>`
}

export function ballotForm(
  ctx: PageContext,
  data: MeetingData,
  values: MeetingFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.meeting
  const { view } = data
  const choices = view.activeCandidates.map((bidId) => ({
    value: bidId,
    label: candidateLabel(data, bidId, ctx.locale),
  }))
  const fields = html`${radioField({ name: 'candidateBidId', label: t.ballotLegend, error: errorFor(errors, 'candidateBidId'), choices, selected: values.candidateBidId })}
${textField({ name: 'reason', label: t.ballotReason, hint: t.ballotReasonHint, value: values.reason, error: errorFor(errors, 'reason'), multiline: true })}
${submitButton(t.next)}`
  return html`<section aria-labelledby="ballot-title"><h2 id="ballot-title">${t.ballotTitle(view.round)}</h2>
${postForm(ctx, `/meetings/${view.tenderId}/ballot/confirm`, fields)}</section>`
}

/** The member's own standing in the open round: the receipt once voted. */
export function votedNotice(ctx: PageContext, data: MeetingData): SafeHtml {
  const receipt = data.view.me.receipts.findLast((r) => r.round === data.view.round)
  if (!receipt) return html``
  return html`<p>${ctx.t.meeting.youVoted(receipt.code)} <a href="${attrUrl(`/meetings/${data.view.tenderId}/receipt`)}">${ctx.t.meeting.seeReceipt}</a></p>`
}

/** Each closed round's counts per candidate (never who voted for whom). */
export function roundResults(ctx: PageContext, data: MeetingData): SafeHtml {
  const t = ctx.t.meeting
  const closed = data.view.rounds.filter((round) => round.tally !== null)
  return html`${closed.map(
    (
      round,
    ) => html`<section aria-labelledby="result-${round.round}"><h2 id="result-${round.round}">${t.resultTitle(round.round)}</h2>
${dataTable({
  caption: t.resultCaption(round.round),
  columns: [
    { header: t.candidate, cell: (row: { bidId: string; votes: number }) => candidateName(data, row.bidId) },
    { header: t.votes, cell: (row) => row.votes, numeric: true },
  ],
  rows: round.tally ?? [],
})}</section>`,
  )}`
}
