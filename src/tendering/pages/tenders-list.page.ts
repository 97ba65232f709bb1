// The tenders list: the caller's tenders (oversight: all) with their state in words, filterable by state.
import { TENDER_STATES } from '../../../state-machines/tender.machine.ts'
import { selectField, submitButton } from '../../web/components/form-fields.ts'
import { layout, type Notice } from '../../web/components/layout.ts'
import { stateChip } from '../../web/components/state-chip.ts'
import { dataTable } from '../../web/components/table.ts'
import { timeTag } from '../../web/format.ts'
import { attrUrl, html, type SafeHtml } from '../../web/html.ts'
import type { PageContext } from '../../web/page-context.ts'

export interface TenderListItem {
  readonly id: string
  readonly reference: string
  readonly title: string
  readonly state: string
  readonly deadline: string | null
  readonly updatedAt: string
}

export interface TendersListView {
  readonly items: readonly TenderListItem[]
  readonly state: string | null
  /** The list is the viewer's own organisation's tenders (purchaser, agent). */
  readonly mine: boolean
  readonly canCreate: boolean
  readonly notice: Notice | null
}

function stateFilter(ctx: PageContext, selected: string | null): SafeHtml {
  const t = ctx.t.tenders
  const choices = [
    { value: '', label: t.allStates },
    ...TENDER_STATES.map((state) => ({ value: state, label: ctx.t.states[state] })),
  ]
  return html`<form method="get" action="/tenders" class="filter-bar">
  ${selectField({ name: 'state', label: t.filterState, error: null, choices, selected: selected ?? '' })}
  <div class="field">${submitButton(t.filter, { secondary: true })}</div>
</form>`
}

export function tendersListPage(ctx: PageContext, view: TendersListView): SafeHtml {
  const t = ctx.t.tenders
  const table = view.items.length
    ? dataTable({
        caption: t.caption(view.items.length),
        columns: [
          { header: t.reference, cell: (item: TenderListItem) => item.reference },
          {
            header: t.name,
            cell: (item) =>
              html`<a href="${attrUrl(`/tenders/${encodeURIComponent(item.id)}`)}">${item.title}</a>`,
          },
          { header: t.state, cell: (item) => stateChip(ctx, item.state) },
          { header: t.deadline, cell: (item) => timeTag(item.deadline, ctx.locale) },
          { header: t.updated, cell: (item) => timeTag(item.updatedAt, ctx.locale) },
        ],
        rows: view.items,
      })
    : html`<p>${t.none}</p>`
  const create = view.canCreate ? html`<p><a class="button" href="/tenders/new">${t.newTender}</a></p>` : ''
  const body = html`${create}${stateFilter(ctx, view.state)}${table}`
  return layout(ctx, { title: view.mine ? t.titleMine : t.titleAll, body, notice: view.notice })
}
