// The award setup page after the decision: the decision (winner, price, method, reasons), the signed
// award report (定标报告) to download, and a form for exactly each next step the machine would take now
// and the viewer may send: end the publicity, issue the award notice, a winner who declines, the contract.
import type { TenderEventType } from '../../../state-machines/tender.events.ts'
import { errorFor, postForm, submitButton, textField } from '../../web/components/form-fields.ts'
import { money, timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { AwardSetupData } from '../award-setup-data.ts'
import type { SetupFormValues } from './award-setup.page.ts'
import { candidateName } from './meeting-view.ts'

/** The signed award report's page-scope download link (/records/:id/pdf), or why there is none yet. */
export function awardReportLink(ctx: PageContext, data: Pick<AwardSetupData, 'view'>): SafeHtml {
  const t = ctx.t.awardSetup
  const report = data.view.awardReport
  if (report === null) return html`<p>${t.reportPending}</p>`
  return html`<p><a class="report-link" href="${attrUrl(`/records/${report.recordId}/pdf`)}">${t.reportDownload}</a></p>
<dl class="summary">
  <dt>${t.reportIssuedAt}</dt><dd>${timeTag(report.issuedAt, ctx.locale)}</dd>
  <dt>${t.reportHash}</dt><dd><code class="hash">${report.pdfSha256}</code></dd>
</dl>`
}

function deciderName(ctx: PageContext, by: string | null): string | null {
  const deciders: Readonly<Record<string, string>> = ctx.t.awardSetup.deciders
  return by === null ? null : (deciders[by] ?? by)
}

function decisionList(ctx: PageContext, data: AwardSetupData): SafeHtml {
  const t = ctx.t.awardSetup
  const { view } = data
  const winner = view.winnerBidId as string
  const price = data.dossiers?.dossiers.find((d) => d.bidId === winner)?.priceFen ?? null
  const optional = (label: string, value: SafeHtml | string | null) =>
    value === null ? '' : html`<dt>${label}</dt><dd>${value}</dd>`
  return html`<dl class="summary">
  <dt>${t.winner}</dt><dd>${candidateName(data, winner)}</dd>
  <dt>${t.price}</dt><dd>${money(price, ctx.locale)}</dd>
  ${optional(t.awardMethod, view.awardMethod === null ? null : (ctx.t.methods.award[view.awardMethod] ?? view.awardMethod))}
  <dt>${t.decidedAt}</dt><dd>${timeTag(view.decidedAt, ctx.locale)}</dd>
  ${optional(t.decidedBy, deciderName(ctx, view.decidedBy))}
  ${optional(t.reasons, view.decisionReasons === null ? null : html`<span class="prewrap">${view.decisionReasons}</span>`)}
  ${optional(t.publicityEndsAt, view.state === 'resultPublicity' ? timeTag(view.publicityEndsAt, ctx.locale) : null)}
  ${optional(t.noticeIssuedAt, view.noticeIssuedAt === null ? null : timeTag(view.noticeIssuedAt, ctx.locale))}
  ${optional(t.contractDueAt, view.contractDueAt === null ? null : timeTag(view.contractDueAt, ctx.locale))}
  ${optional(t.contractSigned, view.contractRef === null ? null : `${view.contractRef}${view.contractSignedLate ? t.contractLate : ''}`)}
</dl>`
}

/** May the viewer send `type` now: the machine allows it and it is the purchaser's (END_PUBLICITY: or the operator's). */
function mayNow(ctx: PageContext, data: AwardSetupData, type: TenderEventType): boolean {
  const { view } = data
  if (!view.allowedEvents.includes(type)) return false
  const operator = type === 'END_PUBLICITY' && (ctx.viewer?.roles.includes('operator') ?? false)
  return view.me.part === 'purchaser' || operator
}

function nextSteps(
  ctx: PageContext,
  data: AwardSetupData,
  values: SetupFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.awardSetup
  const id = data.view.tenderId
  const may = (type: TenderEventType) => mayNow(ctx, data, type)
  const end = may('END_PUBLICITY')
    ? html`<p>${t.endPublicityIntro}</p>${postForm(ctx, `/tenders/${id}/publicity/end`, submitButton(t.endPublicity))}`
    : ''
  const notice = may('ISSUE_AWARD_NOTICE')
    ? html`<h3>${t.noticeTitle}</h3><p>${t.noticeIntro}</p>${postForm(ctx, `/tenders/${id}/award-notice`, submitButton(t.issueNotice))}`
    : ''
  const contract = may('CONTRACT_SIGNED')
    ? html`<h3>${t.contractTitle}</h3>${postForm(ctx, `/tenders/${id}/contract`, html`${textField({ name: 'contractRef', label: t.contractRef, hint: t.contractHint, value: values.contractRef, error: errorFor(errors, 'contractRef') })}${submitButton(t.recordContract)}`)}`
    : ''
  const decline = may('WINNER_DECLINED')
    ? html`<h3>${t.declineTitle}</h3>${postForm(ctx, `/tenders/${id}/winner-declined`, html`${textField({ name: 'reason', label: t.declineReason, hint: t.declineHint, value: values.reason, error: errorFor(errors, 'reason'), multiline: true })}${submitButton(t.decline, { secondary: true })}`)}`
    : ''
  return html`${end}${notice}${contract}${decline}`
}

export function resultSection(
  ctx: PageContext,
  data: AwardSetupData,
  values: SetupFormValues,
  errors: readonly FieldError[],
): SafeHtml {
  const t = ctx.t.awardSetup
  if (data.view.winnerBidId === null) return html``
  return html`<section aria-labelledby="decision-title"><h2 id="decision-title">${t.decisionTitle}</h2>
${decisionList(ctx, data)}
${nextSteps(ctx, data, values, errors)}
</section>
<section aria-labelledby="report-title"><h2 id="report-title">${t.reportTitle}</h2>
${awardReportLink(ctx, data)}
</section>`
}
