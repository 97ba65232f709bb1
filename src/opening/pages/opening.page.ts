// The opening result (开标结果): the tender's deadline and close, the opening record as
// GET /api/v1/tenders/:id/opening gives it once opened (bidders, prices, outcomes, the bid-set hash), and
// the close and open forms when the machine takes them and the viewer may send them.

import { postForm, submitButton } from '../../web/components/form-fields.ts'
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { money, timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { FieldError } from '../../web/problem-messages.ts'
import type { TenderViewData } from '../../web/procedure-support.ts'
import type { readOpeningRecord } from '../opening-record.ts'

export type OpeningRecord = Awaited<ReturnType<typeof readOpeningRecord>>
type RecordBid = OpeningRecord['bids'][number]

export interface OpeningPageData {
  readonly view: TenderViewData
  /** Null until the bids are opened (the API answers 409 not_opened). */
  readonly record: OpeningRecord | null
  readonly canClose: boolean
  readonly canOpen: boolean
}

function facts(ctx: PageContext, data: OpeningPageData): SafeHtml {
  const t = ctx.t.openingPage
  const { view, record } = data
  const row = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`
  const closed = view.bidSetHash !== null
  return html`<dl class="summary" aria-label="${t.particulars}">
${row(t.reference, view.reference)}
${row(t.state, stateChip(ctx, view.state))}
${row(t.deadline, timeTag(view.deadline, ctx.locale))}
${record ? row(t.closedAt, timeTag(record.closedAt, ctx.locale)) : ''}
${record ? row(t.openedAt, timeTag(record.openedAt, ctx.locale)) : ''}
${closed ? row(t.bidCount, String(view.bidCount ?? 0)) : ''}
${closed ? row(t.bidSetHash, html`<code class="hash">${view.bidSetHash}</code>`) : ''}
</dl>`
}

function outcomeText(ctx: PageContext, outcome: string): string {
  const outcomes = ctx.t.openingPage.outcomes as Readonly<Record<string, string | undefined>>
  return outcomes[outcome] ?? outcome
}

function recordTable(ctx: PageContext, record: OpeningRecord): SafeHtml {
  const t = ctx.t.openingPage
  return dataTable<RecordBid>({
    caption: t.caption(record.bids.length),
    rows: record.bids,
    columns: [
      { header: t.bidder, cell: (bid) => bid.bidderName ?? bid.bidderOrgId },
      { header: t.uscc, cell: (bid) => bid.bidderUscc ?? '—' },
      { header: t.price, cell: (bid) => money(bid.priceFen, ctx.locale), numeric: true },
      { header: t.outcome, cell: (bid) => outcomeText(ctx, bid.outcome) },
      { header: t.reason, cell: (bid) => bid.reason ?? '—' },
      { header: t.submittedAt, cell: (bid) => timeTag(bid.submittedAt, ctx.locale) },
    ],
  })
}

function stage(ctx: PageContext, data: OpeningPageData): SafeHtml {
  const t = ctx.t.openingPage
  if (data.record) return recordTable(ctx, data.record)
  if (data.view.state === 'draft') return html`<p>${t.notPublished}</p>`
  return html`<p>${data.view.bidSetHash === null ? t.sealed : t.notOpenedYet}</p>`
}

function actions(ctx: PageContext, data: OpeningPageData): SafeHtml {
  const t = ctx.t.openingPage
  const id = data.view.id
  const form = (action: string, hint: string, label: string) =>
    html`<p class="hint">${hint}</p>${postForm(ctx, `/tenders/${id}/${action}`, submitButton(label))}`
  if (!data.canClose && !data.canOpen) return html``
  return html`<section aria-labelledby="opening-actions"><h2 id="opening-actions">${t.actions}</h2>
${data.canClose ? form('close-bidding', t.closeBiddingHint, t.closeBidding) : ''}
${data.canOpen ? form('open', t.openHint, t.open) : ''}
</section>`
}

export function openingPage(ctx: PageContext, data: OpeningPageData, errors: readonly FieldError[] = []) {
  const body = html`${facts(ctx, data)}
${actions(ctx, data)}
${stage(ctx, data)}
<p><a href="${attrUrl(`/tenders/${data.view.id}`)}">${ctx.t.procedure.backToTender}</a></p>`
  return layout(ctx, { title: ctx.t.openingPage.title(data.view.title), body, errors })
}
