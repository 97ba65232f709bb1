// The tender overview (项目概览): its key facts, the state stepper, its dates, what the viewer can do
// now (links to the pages where each action is done), the event timeline and the signed records.
import { layout } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { money, timeTag } from '../../web/format.ts'
import { attrUrl, type HtmlValue, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'
import type { Overview } from '../overview-read.ts'
import { recordsTable } from './records-table.ts'
import { stepper } from './stepper.ts'

const summary = (rows: readonly [string, HtmlValue][]): SafeHtml =>
  html`<dl class="summary">${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`

function facts(ctx: PageContext, overview: Overview): SafeHtml {
  const t = ctx.t.overview
  const view = overview.tender
  const method = (code: string | null, words: Readonly<Record<string, string>>) =>
    code === null ? t.notSet : (words[code] ?? code)
  const category = view.category as keyof typeof ctx.t.categories | null
  const status = [
    stateChip(ctx, view.state),
    view.held ? html` <strong>${t.held}</strong>` : '',
    view.suspended ? html` <strong>${t.suspended}</strong>` : '',
  ]
  return summary([
    [t.reference, view.reference],
    [t.title, view.title],
    [t.purchaser, overview.purchaserName ?? view.purchaserOrgId],
    [t.category, category ? (ctx.t.categories[category] ?? category) : t.notSet],
    [t.estimatedValue, money(view.estimatedValueFen, ctx.locale)],
    [t.ceilingPrice, money(view.ceilingPriceFen, ctx.locale)],
    [t.state, html`${status}`],
    [t.rulePack, view.rulePackId ?? t.notSet],
    ...(view.publishedAt
      ? ([
          [t.evaluationMethod, method(view.evaluationMethod, ctx.t.methods.evaluation)],
          [t.awardMethod, method(view.awardMethod, ctx.t.methods.award)],
        ] as [string, HtmlValue][])
      : []),
  ])
}

function dates(ctx: PageContext, overview: Overview): SafeHtml {
  const t = ctx.t.overview
  const view = overview.tender
  const rows = (
    [
      [t.publishedAt, view.publishedAt],
      [t.deadline, view.deadline],
      [t.publicityEndsAt, view.publicityEndsAt],
      [t.noticeIssuedAt, view.noticeIssuedAt],
      [t.contractDueAt, view.contractDueAt],
    ] as [string, string | null][]
  ).filter(([, at]) => at !== null)
  if (rows.length === 0) return html`<p>${t.notSet}</p>`
  return summary(rows.map(([term, at]) => [term, timeTag(at, ctx.locale)]))
}

function actions(ctx: PageContext, overview: Overview): SafeHtml {
  const t = ctx.t.overview
  if (overview.oversight) return html`<p>${t.actionsReadOnly}</p>`
  if (overview.actions.length === 0) return html`<p>${t.actionsNone}</p>`
  const items = overview.actions.map(({ event, href }) => {
    const words = t.actionVerbs[event] ?? event
    return href
      ? html`<li><a class="button" href="${attrUrl(href)}">${words}</a></li>`
      : html`<li>${words}${t.apiOnly}</li>`
  })
  return html`<ul class="action-list">${items}</ul>`
}

/** `timeline`: the rendered timeline (timeline-section.ts), null when the history is not open to the viewer. */
export function overviewPage(ctx: PageContext, overview: Overview, timeline: SafeHtml | null): SafeHtml {
  const t = ctx.t.overview
  const body = html`<section aria-labelledby="facts"><h2 id="facts">${t.facts}</h2>${facts(ctx, overview)}</section>
<section aria-labelledby="progress"><h2 id="progress">${t.progress}</h2>${stepper(ctx, overview.tender.state)}</section>
<section aria-labelledby="dates"><h2 id="dates">${t.deadlines}</h2>${dates(ctx, overview)}</section>
<section aria-labelledby="actions"><h2 id="actions">${t.actions}</h2>${actions(ctx, overview)}</section>
<section aria-labelledby="timeline"><h2 id="timeline">${t.timeline}</h2>${timeline ?? html`<p>${t.timelineClosed}</p>`}</section>
<section aria-labelledby="records"><h2 id="records">${t.records}</h2>${recordsTable(ctx, overview.records)}</section>`
  return layout(ctx, { title: overview.tender.title, body })
}
