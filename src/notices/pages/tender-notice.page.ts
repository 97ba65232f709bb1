// A tender's public page (招标公告): its key facts and deadlines, where it stands, the clarifications
// and amendments, the opening record once opened (nothing of any bid before) and its public signed
// records with their PDF links.
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { money, timeTag } from '../../web/format.ts'
import { html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { PublicTender } from '../public-tender.ts'
import { facts, noticeLinks, recordsTable } from './notice-parts.ts'

type Amendment = PublicTender['amendments'][number]
type OpenedBid = NonNullable<PublicTender['opening']>['bids'][number]

function keyFacts(ctx: PageContext, data: PublicTender): SafeHtml {
  const t = ctx.t.notices
  const v = data.view
  const category = v.category
    ? (ctx.t.categories[v.category as keyof typeof ctx.t.categories] ?? v.category)
    : null
  const standing = [
    stateChip(ctx, v.state),
    v.suspended ? html` · ${t.suspended}` : '',
    v.pendingObjections ? html` · ${t.pendingObjections(v.pendingObjections)}` : '',
  ]
  return facts([
    [t.reference, v.reference],
    [t.purchaser, data.purchaser],
    [t.category, category],
    [t.estimatedValue, money(v.estimatedValueFen, ctx.locale)],
    [t.ceilingPrice, money(v.ceilingPriceFen, ctx.locale)],
    [t.publishedAt, timeTag(v.publishedAt, ctx.locale)],
    [t.deadline, timeTag(v.deadline, ctx.locale)],
    [t.state, html`${standing}`],
  ])
}

function amendments(ctx: PageContext, items: readonly Amendment[]): SafeHtml {
  const t = ctx.t.notices
  if (!items.length) return html`<p>${t.noAmendments}</p>`
  return dataTable({
    caption: t.amendmentsCaption(items.length),
    columns: [
      { header: t.amendmentAt, cell: (a: Amendment) => timeTag(a.recordedAt, ctx.locale) },
      { header: t.amendmentSummary, cell: (a) => a.summary },
      { header: t.newDeadline, cell: (a) => timeTag(a.newDeadline, ctx.locale) },
    ],
    rows: items,
  })
}

function opening(ctx: PageContext, data: PublicTender): SafeHtml {
  const t = ctx.t.notices
  const record = data.opening
  if (record === null) return html`<p>${t.openingNotYet}</p>`
  const table = dataTable({
    caption: t.openingCaption(record.bids.length),
    columns: [
      {
        header: t.bidder,
        cell: (b: OpenedBid) => b.bidderName ?? data.bidderNames.get(b.bidderOrgId) ?? '—',
      },
      { header: t.price, cell: (b) => money(b.priceFen, ctx.locale), numeric: true },
      { header: t.outcome, cell: (b) => t.outcomes[b.outcome] ?? b.outcome },
    ],
    rows: record.bids,
  })
  return html`${facts([[t.openedAt, timeTag(record.openedAt, ctx.locale)]])}${table}`
}

export function tenderNoticePage(ctx: PageContext, data: PublicTender): SafeHtml {
  const t = ctx.t.notices
  const body = html`${noticeLinks(ctx, data.view.id, 'tender')}
<h2>${t.keyFacts}</h2>
${keyFacts(ctx, data)}
${data.view.description ? html`<h2>${t.description}</h2><p>${data.view.description}</p>` : ''}
<h2>${t.amendments}</h2>
${amendments(ctx, data.amendments)}
<h2>${t.opening}</h2>
${opening(ctx, data)}
<h2>${t.records}</h2>
${recordsTable(ctx, data.records)}
<p><a href="/public">${t.backToList}</a></p>`
  return layout(ctx, { title: data.view.title, body })
}
